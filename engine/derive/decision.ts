// The decision on an ansökan, derived: granted = sökt − justeringar, in total and per year
// and party, for the period the ansökan applies for. Nothing here is typed in the content.
import type { Ansokan, Arende } from '../../schemas/index.js';
import type { MeetingModel } from '../load/content.js';
import { GROUPS, lineByParty, lineTotal, periodYears, requestedTotal } from './budget.js';

/** Splits an amount in proportion to weights, in whole öre, keeping the exact total (largest remainder). */
export function apportion(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const exact = weights.map((w) => (amount * w) / total);
  const floors = exact.map(Math.floor);
  let rest = amount - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - floors[index]! }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (rest <= 0) break;
    floors[index]! += 1;
    rest -= 1;
  }
  return floors;
}

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

/**
 * What an ansökan asks the förbund for, per party and year. A line split per year gives its
 * split (shared between its parties in proportion to their amounts); a group split as a whole
 * is shared the same way; an amount that is split nowhere is spread over the period by days.
 */
export function requestedByPartyAndYear(ansokan: Ansokan): ByPartyAndYear {
  const { budget, period } = ansokan;
  const years = periodYears(period);
  const days = daysPerYear(period);
  const result: ByPartyAndYear = {};
  const spread = (byParty: Record<string, number>, perYear: Record<string, number> | undefined) => {
    const parties = Object.keys(byParty);
    const yearAmounts = perYear
      ? years.map((y) => perYear[y] ?? 0)
      : apportion(
          Object.values(byParty).reduce((a, b) => a + b, 0),
          days,
        );
    years.forEach((year, y) => {
      apportion(
        yearAmounts[y]!,
        parties.map((p) => byParty[p]!),
      ).forEach((value, p) => add(result, parties[p]!, year, value));
    });
  };
  for (const name of GROUPS) {
    const group = budget.rekvirera[name];
    if (group.per_år) {
      const byParty: Record<string, number> = {};
      for (const line of group.rader)
        for (const [p, v] of Object.entries(lineByParty(line, budget.parter))) byParty[p] = (byParty[p] ?? 0) + v;
      spread(byParty, group.per_år);
    } else {
      for (const line of group.rader) if (lineTotal(line) !== 0) spread(lineByParty(line, budget.parter), line.per_år);
    }
  }
  return result;
}

export interface Decision {
  från: string;
  till: string;
  sökt: number;
  justeringar: number;
  beviljat: number;
  /** Granted per party and year, after the justeringar. */
  perPartyAndYear: ByPartyAndYear;
}

/** The decision the board is asked to take on an ansökan. */
export function deriveDecision(ansokan: Ansokan, arende: Arende): Decision {
  const sökt = requestedTotal(ansokan.budget);
  const justeringar = arende.justeringar.reduce((sum, j) => sum + j.belopp, 0);
  const granted = requestedByPartyAndYear(ansokan);
  const years = periodYears(ansokan.period);
  for (const justering of arende.justeringar) {
    const party = justering.part ?? ansokan.budget.parter[0]!;
    const current = granted[party] ?? {};
    // A justering without a split reduces the party's years in proportion to what they ask for.
    const perYear = justering.per_år
      ? years.map((y) => justering.per_år![y] ?? 0)
      : apportion(
          justering.belopp,
          years.map((y) => current[y] ?? 0),
        );
    years.forEach((year, y) => add(granted, party, year, -perYear[y]!));
  }
  return {
    från: ansokan.period.från,
    till: ansokan.period.till,
    sökt,
    justeringar,
    beviljat: sökt - justeringar,
    perPartyAndYear: granted,
  };
}

/** The decisions of the meeting's ansökan ärenden in agenda order, with the ansökan and ärende behind each. */
export function meetingDecisions(meeting: MeetingModel) {
  const agenda = meeting.mote?.data.dagordning.map((item) => item.ärende) ?? [];
  return [...meeting.arenden.entries()]
    .filter(([slug]) => agenda.includes(slug))
    .sort(([a], [b]) => agenda.indexOf(a) - agenda.indexOf(b))
    .flatMap(([slug, arende]) => {
      const ansokan = arende.data.ansökan ? meeting.ansokningar.get(arende.data.ansökan) : undefined;
      return ansokan ? [{ slug, arende, ansokan, decision: deriveDecision(ansokan.data, arende.data) }] : [];
    });
}
