// The decision on an ansökan. Without a typed decision it is derived: granted = sökt −
// justeringar, in total and per year and party, for the period applied for. A board that
// decides otherwise (a smaller amount, a shorter period, a yearly cap) types what it
// decided, and that stands; only what nobody typed is derived, and a figure spread over
// the years by the engine says so.
import type { Ansokan, Arende } from '../../schemas/index.js';
import { apportion, sum } from '../money.js';
import { forbundRows, GROUPS, lineByParty, lineTotal, periodYears, requestedTotal } from './budget.js';

/** Days of a period that fall in each of its years, the weights for a pro rata split. */
export function daysPerYear(period: { från: string; till: string }): number[] {
  const day = 86_400_000;
  return periodYears(period).map((year) => {
    const start = Math.max(Date.parse(`${year}-01-01`), Date.parse(period.från));
    const end = Math.min(Date.parse(`${year}-12-31`), Date.parse(period.till));
    return Math.max(0, Math.round((end - start) / day) + 1);
  });
}

export type ByPartyAndYear = Record<string, Record<string, number>>;

function add(target: ByPartyAndYear, party: string, year: string, value: number) {
  target[party] ??= {};
  target[party][year] = (target[party][year] ?? 0) + value;
}

/** Amounts per party and year, and whether the engine spread any of them over the years itself. */
export interface Split {
  byPartyAndYear: ByPartyAndYear;
  /** What the engine spread by days because nobody stated it per year ("Lönekostnad: Coach"). */
  spreadByDays: string[];
}

/**
 * Spreads an amount over years: as stated where years are stated, and what is left over the
 * years not stated, by days. Returns the amounts per year and whether anything was spread.
 */
function overYears(
  total: number,
  stated: Record<string, number> | undefined,
  years: readonly string[],
  days: readonly number[],
): { amounts: number[]; spread: boolean } {
  const amounts = years.map((y) => stated?.[y] ?? 0);
  const rest = total - sum(amounts);
  const open = years.map((y) => stated?.[y] === undefined);
  if (rest === 0 || !open.some(Boolean)) return { amounts, spread: false };
  apportion(
    rest,
    days.map((d, i) => (open[i] ? d : 0)),
  ).forEach((value, i) => (amounts[i]! += value));
  return { amounts, spread: true };
}

/**
 * What an ansökan asks the förbund for, per party and year. A financing plan's row for the
 * förbund gives its stated years (to the insatsägare); otherwise a line split per year gives
 * its split (shared between its parties in proportion to their amounts), a group split as a
 * whole is shared the same way, and an amount split nowhere is spread over the period by days.
 */
export function requestedByPartyAndYear(ansokan: Ansokan): Split {
  // The decision, its check and the plausibility check all ask: computed once per ansökan.
  // Callers only read the split (deriveDecision copies it before adjusting).
  const known = requestedOnce.get(ansokan);
  if (known) return known;
  const split = computeRequested(ansokan);
  requestedOnce.set(ansokan, split);
  return split;
}

const requestedOnce = new WeakMap<Ansokan, Split>();

function computeRequested(ansokan: Ansokan): Split {
  const { budget, period } = ansokan;
  // The period's years and days, once for every line spread over them.
  const years = periodYears(period);
  const days = daysPerYear(period);
  const result: Split = { byPartyAndYear: {}, spreadByDays: [] };
  const spread = (label: string, byParty: Record<string, number>, perYear: Record<string, number> | undefined) => {
    const parties = Object.keys(byParty);
    const { amounts, spread: spreadHere } = overYears(sum(Object.values(byParty)), perYear, years, days);
    if (spreadHere) result.spreadByDays.push(label);
    years.forEach((year, y) => {
      apportion(
        amounts[y]!,
        parties.map((p) => byParty[p]!),
      ).forEach((value, p) => add(result.byPartyAndYear, parties[p]!, year, value));
    });
  };
  const plan = forbundRows(budget);
  if (plan.length > 0) {
    for (const row of plan) spread(`finansiär ${row.namn}`, { [ansokan.insatsägare]: row.belopp }, row.per_år);
    return result;
  }
  for (const name of GROUPS) {
    const group = budget.rekvirera[name];
    if (group.per_år) {
      const byParty: Record<string, number> = {};
      for (const line of group.rader)
        for (const [p, v] of Object.entries(lineByParty(line, budget.parter))) byParty[p] = (byParty[p] ?? 0) + v;
      spread(name, byParty, group.per_år);
    } else {
      for (const line of group.rader)
        if (lineTotal(line) !== 0) spread(line.post, lineByParty(line, budget.parter), line.per_år);
    }
  }
  return result;
}

export interface Decision {
  från: string;
  till: string;
  sökt: number;
  justeringar: number;
  /** What the ansökan less the justeringar gives: the grant when nobody typed another. */
  härlett: number;
  beviljat: number;
  /** A yearly cap the board set. */
  högstPerÅr?: number;
  /** The reason for a partial grant, when the board granted less or shorter. */
  delvis?: string;
  /** Granted per party and year. */
  perPartyAndYear: ByPartyAndYear;
  /** What the engine spread by days because nobody stated it per year. */
  spreadByDays: string[];
}

/** The requested amounts less the justeringar, per party and year. */
function afterAdjustments(ansokan: Ansokan, arende: Arende, requested: ByPartyAndYear): ByPartyAndYear {
  // A copy two levels deep (party, year), as structuredClone would make it, at a fraction of its cost.
  const granted: ByPartyAndYear = Object.fromEntries(
    Object.entries(requested).map(([party, years]) => [party, { ...years }]),
  );
  const years = periodYears(ansokan.period);
  for (const justering of arende.justeringar) {
    const party = justering.part ?? ansokan.budget.parter[0] ?? ansokan.insatsägare;
    const current = granted[party] ?? {};
    // A justering without a split reduces the party's years in proportion to what they ask for.
    const perYear = justering.per_år
      ? years.map((y) => justering.per_år?.[y] ?? 0)
      : apportion(
          justering.belopp,
          years.map((y) => current[y] ?? 0),
        );
    years.forEach((year, y) => add(granted, party, year, -perYear[y]!));
  }
  return granted;
}

/**
 * A typed decision's amount over its own period: its stated years as stated, otherwise in
 * proportion to what was applied for in the decided years, each year at most the cap.
 */
function decidedSplit(
  ansokan: Ansokan,
  applied: ByPartyAndYear,
  decided: { från: string; till: string; beviljat: number; cap?: number; perYear?: Record<string, number> },
): { byPartyAndYear: ByPartyAndYear; spread: boolean } {
  const party = ansokan.insatsägare;
  const years = periodYears(decided);
  if (decided.perYear) {
    const byPartyAndYear: ByPartyAndYear = {};
    for (const year of years) add(byPartyAndYear, party, year, decided.perYear[year] ?? 0);
    return { byPartyAndYear, spread: false };
  }
  const weights = years.map((year) => sum(Object.values(applied).map((byYear) => byYear[year] ?? 0)));
  const shares = apportion(decided.beviljat, weights.some((w) => w > 0) ? weights : daysPerYear(decided));
  const byPartyAndYear: ByPartyAndYear = {};
  years.forEach((year, y) => add(byPartyAndYear, party, year, Math.min(shares[y]!, decided.cap ?? Infinity)));
  return { byPartyAndYear, spread: true };
}

/** The decision the board is asked to take on an ansökan. */
export function deriveDecision(ansokan: Ansokan, arende: Arende): Decision {
  const sökt = requestedTotal(ansokan.budget);
  const justeringar = sum(arende.justeringar.map((j) => j.belopp));
  const requested = requestedByPartyAndYear(ansokan);
  const applied = afterAdjustments(ansokan, arende, requested.byPartyAndYear);
  const typed = arende.beslut;
  const härlett = sökt - justeringar;
  const från = typed?.period?.från ?? ansokan.period.från;
  const till = typed?.period?.till ?? ansokan.period.till;
  const beviljat = typed?.belopp ?? härlett;
  const decidedOtherwise =
    beviljat !== härlett ||
    från !== ansokan.period.från ||
    till !== ansokan.period.till ||
    typed?.högst_per_år !== undefined ||
    typed?.per_år !== undefined;
  const split = decidedOtherwise
    ? decidedSplit(ansokan, applied, { från, till, beviljat, cap: typed?.högst_per_år, perYear: typed?.per_år })
    : { byPartyAndYear: applied, spread: false };
  return {
    från,
    till,
    sökt,
    justeringar,
    härlett,
    beviljat,
    ...(typed?.högst_per_år !== undefined ? { högstPerÅr: typed.högst_per_år } : {}),
    ...(typed?.delvis !== undefined ? { delvis: typed.delvis } : {}),
    perPartyAndYear: split.byPartyAndYear,
    spreadByDays: split.spread ? ['beslutet'] : requested.spreadByDays,
  };
}
