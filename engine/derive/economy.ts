// The förbund's economy (ekonomisk information), computed in öre from the rows of
// ekonomi.yaml: per column the sums, the year's result and the beslutsutrymme. The check
// compares the stated sums with these figures; the document shows them.
import type { Ekonomi } from '../../schemas/index.js';
import { roundColumns, sum } from '../money.js';

type Row = readonly (number | null)[];

/** A row's cell in öre; an empty cell counts as nothing. */
export const cell = (row: Row | undefined, column: number): number => row?.[column] ?? 0;

export interface EconomyColumn {
  income: number;
  granted: number;
  other: number;
  /** Granted plus other samverkansinsatser. */
  cooperation: number;
  costs: number;
  result: number;
  /** The surplus carried into the column from the year before. */
  carried: number;
  /** Kvarvarande beslutsutrymme: carried plus the year's result. */
  remaining: number;
  /** The column the surplus is carried from; undefined for the first year. */
  previous: number | undefined;
}

/**
 * The column whose remaining surplus is carried into a year: the year before's prognos where
 * there is one, else its last column. Columns of the same year (budget, prognos) are
 * alternatives, each continuing from the year before, never from each other.
 */
export function previousYearColumn(columns: Ekonomi['kolumner'], index: number): number | undefined {
  const year = columns[index]!.år - 1;
  return latestColumnOfYear(columns, year);
}

/** The best knowledge of a year: its utfall (the closed books), else its prognos, else its last column. */
export function latestColumnOfYear(columns: Ekonomi['kolumner'], year: number): number | undefined {
  const same = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.år === year);
  return (same.find(({ c }) => c.slag === 'utfall') ?? same.find(({ c }) => c.slag === 'prognos') ?? same.at(-1))?.i;
}

/**
 * The economy's figures per column. The economy is shared by every meeting of the content, so
 * they are computed once per loaded ekonomi.yaml, not once per meeting; callers only read them.
 */
export function economyColumns(e: Ekonomi): EconomyColumn[] {
  const known = columnsOnce.get(e);
  if (known) return known;
  const columns = computeColumns(e);
  columnsOnce.set(e, columns);
  return columns;
}

const columnsOnce = new WeakMap<Ekonomi, EconomyColumn[]>();

function computeColumns(e: Ekonomi): EconomyColumn[] {
  const total = (rows: readonly { belopp?: Row | undefined }[], c: number) =>
    sum(rows.map((row) => cell(row.belopp, c)));
  const result: EconomyColumn[] = [];
  e.kolumner.forEach((_, c) => {
    const income = total(e.intäkter, c);
    const granted = total(e.samverkansinsatser.beviljade, c);
    const other = total(e.samverkansinsatser.övriga, c);
    const cooperation = granted + other;
    const costs = total(e.kostnader, c) + cooperation;
    const previous = previousYearColumn(e.kolumner, c);
    // A column's own opening balance, where stated, is used as stated.
    const carried =
      e.kolumner[c]!.ingående_överskott ??
      (previous === undefined ? undefined : result[previous]?.remaining) ??
      e.ingående_överskott;
    const yearResult = income - costs;
    result.push({
      income,
      granted,
      other,
      cooperation,
      costs,
      result: yearResult,
      carried,
      remaining: carried + yearResult,
      previous,
    });
  });
  return result;
}

export interface EconomyRow {
  label: string;
  /** Öre per column; null for an empty cell. Typed rows as typed; sums exact; new ansökningar in whole tkr. */
  values: (number | null)[];
  kind: 'rad' | 'summa' | 'rubrik';
  /** Where the row comes from: file and line, or how it is computed. */
  källa: string;
}

export interface EconomyTable {
  columns: string[];
  rows: EconomyRow[];
  /** The computed figures per column, for figures cited in texts. */
  computed: EconomyColumn[];
  /** Stated sums the table shows as stated, though their rows give another figure. */
  disagreements: { label: string; column: string; stated: number; derived: number }[];
}

/** A pending ansökan's grant for one party, in öre per column of the table. */
export interface PendingRow {
  label: string;
  ore: number[];
  källa: string;
  /** Whether the engine spread the amount over the years because nobody stated them. */
  spreadByDays: boolean;
}

/**
 * The multi-year table of ekonomisk information: the rows of ekonomi.yaml with their sums,
 * then the meeting's ansökningar after justeringar (rounded to whole tkr so that each column
 * adds up to its rounded sum) and the beslutsutrymme after them, cumulative over the years.
 */
export function economyTable(
  e: Ekonomi,
  at: (path: (string | number)[]) => string,
  pending: readonly PendingRow[],
): EconomyTable {
  const columns = e.kolumner;
  const computed = economyColumns(e);
  const rows: EconomyRow[] = [];
  const push = (label: string, values: (number | null)[], kind: EconomyRow['kind'], källa: string) =>
    rows.push({ label, values, kind, källa });
  const typed = (row: Row) => columns.map((_, c) => row[c] ?? null);
  /**
   * A sum as the förbund stated it, cell by cell, and what its rows give where it stated
   * nothing: a stated figure is shown as stated (the check reports a difference).
   */
  const disagreements: EconomyTable['disagreements'] = [];
  const statedOr = (label: string, stated: Row | undefined, key: keyof EconomyColumn) =>
    computed.map((column, c) => {
      const typedCell = stated?.[c];
      const derived = column[key] ?? 0;
      if (typedCell === null || typedCell === undefined) return derived;
      if (typedCell !== derived) disagreements.push({ label, column: columns[c]!.rubrik, stated: typedCell, derived });
      return typedCell;
    });
  const s = e.samverkansinsatser;

  push('Intäkter', [], 'rubrik', at(['intäkter']));
  e.intäkter.forEach((row, i) => push(row.post, typed(row.belopp), 'rad', at(['intäkter', i])));
  push('Summa intäkter', statedOr('Summa intäkter', e.summa_intäkter, 'income'), 'summa', at(['intäkter']));
  push('Kostnader', [], 'rubrik', at(['kostnader']));
  e.kostnader.forEach((row, i) => push(row.post, typed(row.belopp), 'rad', at(['kostnader', i])));
  s.beviljade.forEach((row, i) =>
    push(
      `${row.insats}${row.insatsägare ? ` (${row.insatsägare})` : ''}`,
      columns.map((_, c) => cell(row.belopp, c)),
      'rad',
      at(['samverkansinsatser', 'beviljade', i]),
    ),
  );
  push(
    'Summa beviljade samverkansinsatser',
    statedOr('Summa beviljade samverkansinsatser', s.summa_beviljade, 'granted'),
    'summa',
    at(['samverkansinsatser', 'beviljade']),
  );
  s.övriga.forEach((row, i) => push(row.post, typed(row.belopp), 'rad', at(['samverkansinsatser', 'övriga', i])));
  push(
    'Summa övriga samverkansinsatser',
    statedOr('Summa övriga samverkansinsatser', s.summa_övriga, 'other'),
    'summa',
    at(['samverkansinsatser', 'övriga']),
  );
  push('Summa kostnader', statedOr('Summa kostnader', e.summa_kostnader, 'costs'), 'summa', at(['kostnader']));
  push(
    'Årets beräknade resultat',
    statedOr('Årets beräknade resultat', e.resultat, 'result'),
    'summa',
    'intäkter minus kostnader',
  );
  push(
    'Över-/underskott från tidigare år',
    statedOr('Över-/underskott från tidigare år', e.överskott_tidigare_år, 'carried'),
    'rad',
    at(['ingående_överskott']),
  );
  const remaining = statedOr('Kvarvarande beslutsutrymme', e.beslutsutrymme, 'remaining');
  push('Kvarvarande beslutsutrymme', remaining, 'summa', 'överskott från tidigare år plus årets resultat');

  push('Nya ansökningar, efter justeringar', [], 'rubrik', 'ansokningar/ och arenden/');
  const rounded = roundColumns(
    pending.map((p) => p.ore),
    'tkr',
  );
  pending.forEach((p, i) =>
    push(p.spreadByDays ? `${p.label} – fördelat av handlingar efter dagar` : p.label, rounded[i]!, 'rad', p.källa),
  );
  const pendingSum = columns.map((_, c) => sum(rounded.map((row) => row[c]!)));
  push('Summa nya ansökningar', pendingSum, 'summa', 'raderna ovan');
  // Cumulative: what remains after the grants of every earlier year (their latest estimate)
  // and of this column's own year. Columns of one year are alternatives, not consecutive.
  const after = columns.map((column, c) => {
    const earlier = columns.flatMap((other, o) =>
      other.år < column.år && latestColumnOfYear(columns, other.år) === o ? [pendingSum[o]!] : [],
    );
    return remaining[c]! - sum(earlier) - pendingSum[c]!;
  });
  push(
    'Beslutsutrymme efter föreslagna ansökningar',
    after,
    'summa',
    'kvarvarande beslutsutrymme minus nya ansökningar, ackumulerat',
  );
  return { columns: columns.map((c) => c.rubrik), rows, computed, disagreements };
}
