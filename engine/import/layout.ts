// The layout of the förbund's budget workbook (handlingar budgetmall): where each part, group,
// line, party column and year sits. The writer and the reader share it, so a workbook made
// from the mall is read back cell for cell, and an applicant's own workbook is read by the
// same labels (see read-xlsx.ts).

export const SHEET = 'Budget';
export const SUMMARY_SHEET = 'Sammanställning';
/** A view of the split per year, computed from the Budget sheet: read only, never imported. */
export const YEARS_SHEET = 'Per år';
/** A hidden sheet that records how the mall was made, so the reader knows its formula cells. */
export const META_SHEET = 'handlingar';

export type GroupKey = 'lön' | 'lokal' | 'övrigt';
export type PartKey = 'rekvirera' | 'egenfinansiering';

export const GROUPS: readonly { key: GroupKey; heading: string; sum: string }[] = [
  { key: 'lön', heading: 'Lönekostnader', sum: 'SUMMA LÖNEKOSTNAD' },
  { key: 'lokal', heading: 'Lokalkostnader', sum: 'SUMMA LOKALKOSTNAD' },
  { key: 'övrigt', heading: 'Övriga kostnader', sum: 'SUMMA ÖVRIGA KOSTNADER' },
];

export const PARTS: readonly { key: PartKey; heading: string; sum: string }[] = [
  { key: 'rekvirera', heading: 'ATT REKVIRERA FRÅN SAMORDNINGSFÖRBUNDET', sum: 'SUMMA ATT REKVIRERA' },
  { key: 'egenfinansiering', heading: 'EGENFINANSIERING', sum: 'SUMMA EGENFINANSIERING' },
];

export const RECONCILE_LABEL = 'S:a per år för avstämning';
export const TOTAL_LABEL = 'TOTAL KOSTNAD';
export const TOTAL_COLUMN_LABEL = 'Totalt';
export const NOTE_LABEL = 'Anmärkning';

/** Input rows per group in a new mall; the writer adds rows when a filled budget needs more. */
export const DEFAULT_ROWS: Readonly<Record<GroupKey, number>> = { lön: 8, lokal: 3, övrigt: 6 };

export interface MallSpec {
  parter: readonly string[];
  years: readonly number[];
  /** Input rows for each group of each part. */
  rows: Readonly<Record<PartKey, Readonly<Record<GroupKey, number>>>>;
}

/** Column numbers (1-based) of the Budget sheet. */
export interface Columns {
  post: number;
  tjänst: number;
  från: number;
  till: number;
  parter: number[];
  totalt: number;
  years: number[];
  note: number;
}

export function columns(spec: Pick<MallSpec, 'parter' | 'years'>): Columns {
  const parter = spec.parter.map((_, i) => 5 + i);
  const totalt = 5 + spec.parter.length;
  const years = spec.years.map((_, i) => totalt + 1 + i);
  return { post: 1, tjänst: 2, från: 3, till: 4, parter, totalt, years, note: totalt + 1 + spec.years.length };
}

export interface GroupRows {
  heading: number;
  first: number;
  last: number;
  sum: number;
}

export interface PartRows {
  heading: number;
  header: number;
  groups: Record<GroupKey, GroupRows>;
  sum: number;
  reconcile: number;
}

export interface Rows {
  insats: number;
  period: number;
  parts: Record<PartKey, PartRows>;
  total: number;
}

/** Row numbers (1-based) of the Budget sheet. */
export function rows(spec: MallSpec): Rows {
  let row = 6;
  const parts = {} as Record<PartKey, PartRows>;
  for (const part of PARTS) {
    const heading = row;
    const header = row + 1;
    row += 2;
    const groups = {} as Record<GroupKey, GroupRows>;
    for (const group of GROUPS) {
      const count = spec.rows[part.key][group.key];
      groups[group.key] = { heading: row, first: row + 1, last: row + count, sum: row + count + 1 };
      row += count + 2;
    }
    parts[part.key] = { heading, header, groups, sum: row, reconcile: row + 1 };
    row += 3;
  }
  return { insats: 3, period: 4, parts, total: row };
}

/** The A1 name of a column number: 1 → A, 27 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export const address = (row: number, column: number): string => `${columnName(column)}${row}`;

/** Column number of an A1 column name: A → 1, AA → 27. */
export function columnNumber(name: string): number {
  let n = 0;
  for (const char of name.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}
