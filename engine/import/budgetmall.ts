// handlingar budgetmall: the förbund's budget workbook for one call (its years and party
// columns), with coloured, unlocked input cells and locked formula cells for every sum. The
// same writer fills the mall with an ansökan's budget, for the round-trip tests.
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import type { Ansokan, BudgetGroup, BudgetPart, StatedSum } from '../../schemas/ansokan.js';
import { UsageError } from '../errors.js';
import {
  DEFAULT_ROWS,
  GROUPS,
  META_SHEET,
  NOTE_LABEL,
  PARTS,
  RECONCILE_LABEL,
  SHEET,
  SUMMARY_SHEET,
  TOTAL_COLUMN_LABEL,
  TOTAL_LABEL,
  YEARS_SHEET,
  address,
  columns,
  rows,
  type GroupKey,
  type MallSpec,
  type PartKey,
} from './layout.js';

/** The colour of the cells the applicant fills in («FYLL I ENDAST FÄRGADE FÄLT»). */
export const INPUT_FILL = 'FFFFF2CC';
const SUM_FILL = 'FFE7E6E6';
/** Fixed workbook dates, so the same call gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));
const AMOUNT_FORMAT = '# ##0.##;-# ##0.##;0';
const PERCENT_FORMAT = '0.##%';
const DATE_FORMAT = 'yyyy-mm-dd';

/** «2025-2027» → [2025, 2026, 2027]; a single year is allowed. */
export function parseYears(text: string): number[] {
  const match = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(text);
  const from = Number(match?.[1]);
  const to = Number(match?.[2] ?? match?.[1]);
  if (!match || to < from || to - from > 10)
    throw new UsageError(`ogiltiga år «${text}»: skriv t.ex. --år 2025-2027 (högst elva år)`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** What to fill the mall with: an ansökan as loaded (amounts in öre). */
export type Fill = Pick<Ansokan, 'insats' | 'period' | 'budget'>;

const kronor = (ore: number): number => ore / 100;
const dateValue = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A spec big enough for a filled budget: the default rows, or more where it has more lines. */
export function specFor(parter: readonly string[], years: readonly number[], fill?: Fill): MallSpec {
  const count = (part: PartKey, group: GroupKey): number =>
    Math.max(DEFAULT_ROWS[group], fill?.budget[part]?.[group].rader.length ?? 0);
  const part = (key: PartKey) => ({ lön: count(key, 'lön'), lokal: count(key, 'lokal'), övrigt: count(key, 'övrigt') });
  return { parter, years, rows: { rekvirera: part('rekvirera'), egenfinansiering: part('egenfinansiering') } };
}

export async function budgetWorkbook(spec: MallSpec, fill?: Fill): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'handlingar';
  workbook.lastModifiedBy = 'handlingar';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const sheet = workbook.addWorksheet(SHEET);
  const col = columns(spec);
  const row = rows(spec);

  const input = (r: number, c: number, format?: string) => {
    const cell = sheet.getCell(r, c);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
    cell.protection = { locked: false };
    cell.border = { bottom: { style: 'hair' } };
    if (format) cell.numFmt = format;
    return cell;
  };
  const formula = (r: number, c: number, text: string, result?: number, format = AMOUNT_FORMAT) => {
    const cell = sheet.getCell(r, c);
    cell.value = result === undefined ? { formula: text } : { formula: text, result };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SUM_FILL } };
    cell.protection = { locked: true };
    cell.numFmt = format;
    return cell;
  };
  const label = (r: number, c: number, text: string, bold = false) => {
    const cell = sheet.getCell(r, c);
    cell.value = text;
    if (bold) cell.font = { bold: true };
  };
  const sumOf = (c: number, first: number, last: number) => `SUM(${address(first, c)}:${address(last, c)})`;
  const amountColumns = [...col.parter, col.totalt, ...col.years];

  label(1, 1, 'Budget', true);
  label(2, 1, 'FYLL I ENDAST FÄRGADE FÄLT', true);
  label(row.insats, 1, 'Insats');
  const insats = input(row.insats, 2);
  if (fill) insats.value = fill.insats;
  label(row.period, 1, 'Period (från – till)');
  const from = input(row.period, 2, DATE_FORMAT);
  const to = input(row.period, 3, DATE_FORMAT);
  if (fill) {
    from.value = dateValue(fill.period.från);
    to.value = dateValue(fill.period.till);
  }

  const stated = (sum: StatedSum | undefined, key: 'totalt' | 'tjänst'): number | undefined => {
    const value = sum?.[key];
    return value === undefined ? undefined : key === 'tjänst' ? value / 10000 : kronor(value);
  };

  const writeGroup = (r: ReturnType<typeof rows>['parts'][PartKey]['groups'][GroupKey], g?: BudgetGroup) => {
    for (let line = r.first; line <= r.last; line++) {
      input(line, col.post);
      input(line, col.tjänst, PERCENT_FORMAT);
      input(line, col.från, DATE_FORMAT);
      input(line, col.till, DATE_FORMAT);
      for (const c of [...col.parter, ...col.years]) input(line, c, AMOUNT_FORMAT);
      input(line, col.note);
      const l = g?.rader[line - r.first];
      const lineSum = l?.summa === undefined ? undefined : kronor(l.summa);
      formula(line, col.totalt, `SUM(${address(line, col.parter[0]!)}:${address(line, col.parter.at(-1)!)})`, lineSum);
      if (!l) continue;
      sheet.getCell(line, col.post).value = l.post;
      if (l.tjänst !== undefined) sheet.getCell(line, col.tjänst).value = l.tjänst / 10000;
      if (l.från) sheet.getCell(line, col.från).value = dateValue(l.från);
      if (l.till) sheet.getCell(line, col.till).value = dateValue(l.till);
      if (typeof l.belopp === 'number') sheet.getCell(line, col.parter[0]!).value = kronor(l.belopp);
      else
        spec.parter.forEach((name, i) => {
          const value = (l.belopp as Record<string, number>)[name];
          if (value !== undefined) sheet.getCell(line, col.parter[i]!).value = kronor(value);
        });
      spec.years.forEach((year, i) => {
        const value = l.per_år?.[String(year)];
        if (value !== undefined) sheet.getCell(line, col.years[i]!).value = kronor(value);
      });
      // A note the reader of the budgetbilaga should see is marked «(skrivs ut)» in the cell.
      if (typeof l.anmärkning === 'string') sheet.getCell(line, col.note).value = l.anmärkning;
      else if (l.anmärkning)
        sheet.getCell(line, col.note).value = `${l.anmärkning.skrivs_ut ? '(skrivs ut) ' : ''}${l.anmärkning.text}`;
    }
    formula(r.sum, col.tjänst, sumOf(col.tjänst, r.first, r.last), stated(g?.summa, 'tjänst'), PERCENT_FORMAT);
    spec.parter.forEach((name, i) => {
      const value = g?.summa?.parter?.[name];
      formula(
        r.sum,
        col.parter[i]!,
        sumOf(col.parter[i]!, r.first, r.last),
        value === undefined ? undefined : kronor(value),
      );
    });
    formula(r.sum, col.totalt, sumOf(col.totalt, r.first, r.last), stated(g?.summa, 'totalt'));
    spec.years.forEach((year, i) => {
      // A group split as a whole (its lines are not split) is typed in the sum row's year cells.
      const split = g?.per_år?.[String(year)];
      const value = g?.summa?.per_år?.[String(year)];
      const c = col.years[i]!;
      if (split !== undefined) {
        const cell = sheet.getCell(r.sum, c);
        cell.value = kronor(split);
        cell.numFmt = AMOUNT_FORMAT;
      } else formula(r.sum, c, sumOf(c, r.first, r.last), value === undefined ? undefined : kronor(value));
    });
  };

  for (const part of PARTS) {
    const r = row.parts[part.key];
    const p: BudgetPart | undefined = fill?.budget[part.key];
    label(r.heading, 1, part.heading, true);
    ['Post', 'Tjänst', 'Från', 'Till'].forEach((text, i) => label(r.header, i + 1, text, true));
    spec.parter.forEach((name, i) => label(r.header, col.parter[i]!, name, true));
    label(r.header, col.totalt, TOTAL_COLUMN_LABEL, true);
    spec.years.forEach((year, i) => {
      const cell = sheet.getCell(r.header, col.years[i]!);
      cell.value = year;
      cell.font = { bold: true };
    });
    label(r.header, col.note, NOTE_LABEL, true);
    for (const group of GROUPS) {
      label(r.groups[group.key].heading, 1, group.heading, true);
      label(r.groups[group.key].sum, 1, group.sum, true);
      writeGroup(r.groups[group.key], p?.[group.key]);
    }
    label(r.sum, 1, part.sum, true);
    const sums = GROUPS.map((g) => r.groups[g.key].sum);
    for (const c of amountColumns) {
      const value = (() => {
        const s = p?.summa;
        if (c === col.totalt) return s?.totalt;
        const party = col.parter.indexOf(c);
        if (party >= 0) return s?.parter?.[spec.parter[party]!];
        return s?.per_år?.[String(spec.years[col.years.indexOf(c)])];
      })();
      formula(r.sum, c, sums.map((s) => address(s, c)).join('+'), value === undefined ? undefined : kronor(value));
    }
    label(r.reconcile, 1, RECONCILE_LABEL);
    const reconcile = p?.avstämning_per_år;
    formula(
      r.reconcile,
      col.totalt,
      `SUM(${address(r.sum, col.years[0]!)}:${address(r.sum, col.years.at(-1)!)})`,
      reconcile === undefined ? undefined : kronor(reconcile),
    );
  }

  label(row.total, 1, TOTAL_LABEL, true);
  const total = fill?.budget.total;
  for (const c of amountColumns) {
    const party = col.parter.indexOf(c);
    const value =
      c === col.totalt
        ? total?.totalt
        : party >= 0
          ? total?.parter?.[spec.parter[party]!]
          : total?.per_år?.[String(spec.years[col.years.indexOf(c)])];
    const parts = PARTS.map((p) => address(row.parts[p.key].sum, c));
    formula(row.total, c, parts.join('+'), value === undefined ? undefined : kronor(value));
  }
  sheet.getColumn(1).width = 40;
  for (const c of amountColumns) sheet.getColumn(c).width = 14;
  sheet.getColumn(col.note).width = 40;
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });

  // The split per year as its own view: every row and year a formula over the Budget sheet,
  // where the years are typed, so that nothing is typed twice.
  const years = workbook.addWorksheet(YEARS_SHEET);
  years.getCell(1, 1).value = 'Budget fördelad per år (räknas fram ur bladet Budget; fylls inte i här)';
  years.getCell(1, 1).font = { bold: true };
  ['Post', TOTAL_COLUMN_LABEL, ...spec.years.map(String)].forEach((text, i) => {
    const cell = years.getCell(2, i + 1);
    cell.value = i >= 2 ? Number(text) : text;
    cell.font = { bold: true };
  });
  let viewRow = 3;
  const mirror = (r: number, bold: boolean) => {
    const post = years.getCell(viewRow, 1);
    post.value = { formula: `IF(${SHEET}!${address(r, 1)}="","",${SHEET}!${address(r, 1)})` };
    if (bold) post.font = { bold: true };
    [col.totalt, ...col.years].forEach((c, i) => {
      const cell = years.getCell(viewRow, i + 2);
      cell.value = { formula: `${SHEET}!${address(r, c)}` };
      cell.numFmt = AMOUNT_FORMAT;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SUM_FILL } };
    });
    viewRow++;
  };
  for (const part of PARTS) {
    const r = row.parts[part.key];
    years.getCell(viewRow++, 1).value = part.heading;
    for (const group of GROUPS) {
      const g = r.groups[group.key];
      for (let line = g.first; line <= g.last; line++) mirror(line, false);
      mirror(g.sum, true);
    }
    mirror(r.sum, true);
    viewRow++;
  }
  mirror(row.total, true);
  years.getColumn(1).width = 40;
  await years.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  // The sammanställning: one row per party, every cell a formula over the Budget sheet.
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  ['Part', 'Att rekvirera', 'Egenfinansiering', 'Totalt'].forEach((text, i) => {
    const cell = summary.getCell(1, i + 1);
    cell.value = text;
    cell.font = { bold: true };
  });
  const summaryFormula = (r: number, c: number, text: string, result?: number) => {
    const cell = summary.getCell(r, c);
    cell.value = result === undefined ? { formula: text } : { formula: text, result };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SUM_FILL } };
    cell.numFmt = AMOUNT_FORMAT;
  };
  const given = fill?.budget.sammanställning;
  spec.parter.forEach((name, i) => {
    const r = 2 + i;
    summary.getCell(r, 1).value = name;
    const c = col.parter[i]!;
    const s = given?.parter[name];
    const k = (v: number | undefined) => (v === undefined ? undefined : kronor(v));
    summaryFormula(r, 2, `${SHEET}!${address(row.parts.rekvirera.sum, c)}`, k(s?.rekvirera));
    summaryFormula(r, 3, `${SHEET}!${address(row.parts.egenfinansiering.sum, c)}`, k(s?.egenfinansiering));
    summaryFormula(r, 4, `B${r}+C${r}`, k(s?.totalt));
  });
  const last = 1 + spec.parter.length;
  const sumRow = last + 1;
  summary.getCell(sumRow, 1).value = 'Summa';
  const s = given?.summa;
  const k = (v: number | undefined) => (v === undefined ? undefined : kronor(v));
  summaryFormula(sumRow, 2, `SUM(B2:B${last})`, k(s?.rekvirera));
  summaryFormula(sumRow, 3, `SUM(C2:C${last})`, k(s?.egenfinansiering));
  summaryFormula(sumRow, 4, `SUM(D2:D${last})`, k(s?.totalt));
  summary.getColumn(1).width = 32;
  for (const c of [2, 3, 4]) summary.getColumn(c).width = 16;
  await summary.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  // How the mall was made, for the reader: its parties, years and input rows.
  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.getCell(1, 1).value = 'handlingar budgetmall';
  meta.getCell(2, 1).value = JSON.stringify(spec);

  return deterministic(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** The same zip with fixed entry dates: exceljs stamps every entry with the time of writing. */
export function deterministic(bytes: Buffer): Buffer {
  const zip = new PizZip(bytes);
  const out = new PizZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    out.file(name, entry.asUint8Array(), { date: FIXED_DATE, binary: true });
  }
  return out.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
