// The two tables seed 004 typed by hand, derived instead: the sammanställning of the
// meeting's ansökningar (ärende 4) and the ekonomisk information (ärende 3). Every row
// names the file and line it comes from.
import type { Ekonomi, Forbund } from '../../schemas/index.js';
import type { MeetingModel } from '../load/content.js';
import { locate } from '../load/source.js';
import { apportion, meetingDecisions } from './decision.js';

const where = (file: string, line: number) => `${file}:${line}`;

export interface SummaryRow {
  insats: string;
  parter: string;
  typ: string;
  målgrupp: string;
  period: string;
  ny_fl_tl: string;
  sökt: number;
  beviljat: number;
  källa: string;
}

const KIND_SHORT = { ny: 'Ny', förlängning: 'FL', tillägg: 'TL' } as const;
const TYPE = { individinsats: 'Individinsats', strukturinsats: 'Strukturinsats' } as const;

/** A party as the table writes it: the förbund's first short name, or its name. */
function shortName(forbund: Forbund, name: string): string {
  const member = forbund.medlemmar.find((m) => m.namn === name || m.kortnamn.includes(name));
  return member?.kortnamn.find((k) => k.length <= 3) ?? name;
}

/** One row per ansökan on the agenda, in agenda order. */
export function applicationSummary(meeting: MeetingModel): {
  rows: SummaryRow[];
  sökt: number;
  justeringar: number;
  beviljat: number;
} {
  const forbund = meeting.forbund!.data;
  const rows = meetingDecisions(meeting).map(({ ansokan, decision }) => {
    const { data, source } = ansokan;
    const age = data.målgrupp.ålder;
    return {
      insats: data.insats,
      parter: [data.insatsägare, ...data.samverkansparter.map((p) => shortName(forbund, p))].join(', '),
      typ: TYPE[data.typ],
      målgrupp: age ? `${age.från}–${age.till} år` : '',
      period: `${data.period.från} – ${data.period.till}`,
      ny_fl_tl: KIND_SHORT[data.ansökningstyp],
      sökt: decision.sökt,
      beviljat: decision.beviljat,
      källa: where(source.file, locate(source, ['budget', 'rekvirera']).line),
    };
  });
  const sum = (pick: (row: SummaryRow) => number) => rows.reduce((acc, row) => acc + pick(row), 0);
  return {
    rows,
    sökt: sum((r) => r.sökt),
    justeringar: sum((r) => r.sökt - r.beviljat),
    beviljat: sum((r) => r.beviljat),
  };
}

export interface EconomyRow {
  label: string;
  /** Whole tkr per column; null for an empty cell. */
  values: (number | null)[];
  kind: 'rad' | 'summa' | 'rubrik';
  källa: string;
}

const ORE_PER_TKR = 100_000;

/**
 * Rounds rows of öre to whole tkr so that, column by column, the rounded rows add up to the
 * rounded sum of the exact amounts (largest remainder): the table always adds up.
 */
export function roundColumns(rows: readonly (readonly number[])[]): number[][] {
  const width = rows[0]?.length ?? 0;
  const rounded = rows.map((row) => row.map(() => 0));
  for (let c = 0; c < width; c++) {
    const column = rows.map((row) => row[c]!);
    const target = Math.round(column.reduce((a, b) => a + b, 0) / ORE_PER_TKR);
    const floors = column.map((v) => Math.floor(v / ORE_PER_TKR));
    const shares = apportion(
      target - floors.reduce((a, b) => a + b, 0),
      column.map((v, i) => v - floors[i]! * ORE_PER_TKR),
    );
    floors.forEach((floor, r) => (rounded[r]![c] = floor + shares[r]!));
  }
  return rounded;
}

/** The multi-year table of ekonomisk information, with the meeting's ansökningar after justeringar. */
export function economyTable(meeting: MeetingModel): { columns: string[]; rows: EconomyRow[] } | undefined {
  const loaded = meeting.ekonomi;
  if (!loaded) return undefined;
  const { data: e, source } = loaded;
  const columns = e.kolumner;
  const at = (path: (string | number)[]) => where(source.file, locate(source, path).line);
  const tkr = (row: readonly (number | null)[] | undefined) => columns.map((_, c) => (row?.[c] ?? 0) / 100_000);
  /** A row as typed, with its empty cells left empty. */
  const typed = (row: readonly (number | null)[]) =>
    columns.map((_, c) => (row[c] === null || row[c] === undefined ? null : row[c]! / 100_000));
  const add = (...rows: number[][]) => columns.map((_, c) => rows.reduce((acc, row) => acc + row[c]!, 0));
  const negate = (row: number[]) => row.map((v) => -v);
  const rows: EconomyRow[] = [];
  const push = (label: string, values: (number | null)[], kind: EconomyRow['kind'], källa: string) =>
    rows.push({ label, values, kind, källa });

  push('Intäkter', [], 'rubrik', at(['intäkter']));
  e.intäkter.forEach((row, i) => push(row.post, typed(row.belopp), 'rad', at(['intäkter', i])));
  const income = add(...e.intäkter.map((row) => tkr(row.belopp)));
  push('Summa intäkter', income, 'summa', at(['intäkter']));
  push('Kostnader', [], 'rubrik', at(['kostnader']));
  e.kostnader.forEach((row, i) => push(row.post, typed(row.belopp), 'rad', at(['kostnader', i])));
  const s = e.samverkansinsatser;
  s.beviljade.forEach((row, i) =>
    push(
      `${row.insats}${row.insatsägare ? ` (${row.insatsägare})` : ''}`,
      tkr(row.belopp),
      'rad',
      at(['samverkansinsatser', 'beviljade', i]),
    ),
  );
  const granted = add(...s.beviljade.map((row) => tkr(row.belopp)));
  push('Summa beviljade samverkansinsatser', granted, 'summa', at(['samverkansinsatser', 'beviljade']));
  s.övriga.forEach((row, i) => push(row.post, typed(row.belopp), 'rad', at(['samverkansinsatser', 'övriga', i])));
  const other = add(...s.övriga.map((row) => tkr(row.belopp)));
  push('Summa övriga samverkansinsatser', other, 'summa', at(['samverkansinsatser', 'övriga']));
  const costs = add(...e.kostnader.map((row) => tkr(row.belopp)), granted, other);
  push('Summa kostnader', costs, 'summa', at(['kostnader']));
  const result = add(income, negate(costs));
  push('Årets beräknade resultat', result, 'summa', 'intäkter minus kostnader');
  const { carried, remaining } = carryOver(e, result);
  push('Över-/underskott från tidigare år', carried, 'rad', at(['ingående_överskott']));
  push('Kvarvarande beslutsutrymme', remaining, 'summa', 'överskott från tidigare år plus årets resultat');

  // The ansökningar of the meeting, per insatsägare/financier and year, after justeringar.
  push('Nya ansökningar, efter justeringar', [], 'rubrik', 'ansokningar/ och arenden/');
  const pending = meetingDecisions(meeting).flatMap(({ ansokan, decision }) =>
    Object.entries(decision.perPartyAndYear)
      .filter(([, years]) => Object.values(years).some((v) => v !== 0))
      .map(([party, years]) => ({
        label: `${ansokan.data.insats} (${party})`,
        ore: columns.map((column) => years[String(column.år)] ?? 0),
        källa: where(ansokan.source.file, locate(ansokan.source, ['budget', 'rekvirera']).line),
      })),
  );
  const roundedPending = roundColumns(pending.map((p) => p.ore));
  pending.forEach((p, i) => push(p.label, roundedPending[i]!, 'rad', p.källa));
  const pendingSum = add(...roundedPending);
  push('Summa nya ansökningar', pendingSum, 'summa', 'raderna ovan');
  // Cumulative, as in the seed: what remains after every year up to this one.
  const after = columns.map((column, c) => {
    const earlier = columns.flatMap((other, o) => (other.år <= column.år && latestOfYear(columns, o) ? [o] : []));
    return (
      remaining[c]! -
      earlier.reduce((acc, o) => acc + pendingSum[o]!, 0) -
      (latestOfYear(columns, c) ? 0 : pendingSum[c]!)
    );
  });
  push(
    'Beslutsutrymme efter föreslagna ansökningar',
    after,
    'summa',
    'kvarvarande beslutsutrymme minus nya ansökningar, ackumulerat',
  );
  return { columns: columns.map((c) => c.rubrik), rows };
}

/** Whether a column is the latest estimate of its year (a prognos beats a budget). */
function latestOfYear(columns: Ekonomi['kolumner'], index: number): boolean {
  const year = columns[index]!.år;
  const same = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.år === year);
  return (same.find(({ c }) => c.slag === 'prognos') ?? same.at(-1))!.i === index;
}

function carryOver(e: Ekonomi, result: number[]): { carried: number[]; remaining: number[] } {
  const carried: number[] = [];
  const remaining: number[] = [];
  e.kolumner.forEach((column, c) => {
    const previous = e.kolumner.map((k, i) => ({ k, i })).filter(({ k }) => k.år === column.år - 1);
    const from = (previous.find(({ k }) => k.slag === 'prognos') ?? previous.at(-1))?.i;
    carried.push(from === undefined ? e.ingående_överskott / 100_000 : remaining[from]!);
    remaining.push(carried[c]! + result[c]!);
  });
  return { carried, remaining };
}
