// Reads a budget workbook: one made from handlingar budgetmall, or the applicant's own. The
// layout is found from the labels (group rows, party columns, years, «S:a», «TOTAL KOSTNAD»),
// so both are read the same way; what does not map is listed with its cell, never guessed.
import ExcelJS from 'exceljs';
import { amountFigure, findingAt, textFigure, type FindingCode } from '../findings.js';
import { formatAmount, parseHundredths, spreadsheetKronorToOre } from '../money.js';
import { budgetWorkbook } from './budgetmall.js';
import { evaluateFormula, type CellLookup } from './formula.js';
import {
  META_SHEET,
  SHEET,
  SUMMARY_SHEET,
  address,
  columnNumber,
  type GroupKey,
  type MallSpec,
  type PartKey,
} from './layout.js';
import { isCalendarDate } from '../../schemas/primitives.js';
import { Sourced, type Raw } from './sourced.js';

/** A cell's content as typed or as cached: the reader never evaluates what it imports. */
type Content =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula'; formula: string; result?: number | string | Date };

function content(cell: ExcelJS.Cell): Content {
  const value = cell.value;
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: value.trim() };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value: value.toISOString().slice(0, 10) };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : cell.formula;
    // cell.value drops a cached 0 (exceljs copies only truthy fields); cell.result keeps it.
    const result: unknown = cell.result;
    const cached =
      typeof result === 'number' || typeof result === 'string' || result instanceof Date ? result : undefined;
    return { kind: 'formula', formula: formula ?? '', result: cached };
  }
  if ('richText' in value)
    return {
      kind: 'text',
      value: value.richText
        .map((part) => part.text)
        .join('')
        .trim(),
    };
  if ('text' in value) return { kind: 'text', value: String(value.text).trim() };
  return { kind: 'empty' };
}

/** The value a cell shows: its cached result for a formula. */
function shown(c: Content): Exclude<Content, { kind: 'formula' }> {
  if (c.kind !== 'formula') return c;
  const r = c.result;
  if (r === undefined) return { kind: 'empty' };
  if (typeof r === 'number') return { kind: 'number', value: r };
  if (r instanceof Date) return { kind: 'date', value: r.toISOString().slice(0, 10) };
  return { kind: 'text', value: r };
}

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
const isSumLabel = (text: string) => /^(summa|s:a|s\.a|delsumma)\b/.test(normal(text));

function groupOf(text: string): GroupKey | undefined {
  const t = normal(text);
  if (/lön/.test(t)) return 'lön';
  if (/lokal/.test(t)) return 'lokal';
  if (/övrig/.test(t)) return 'övrigt';
  return undefined;
}

function partOf(text: string): PartKey | undefined {
  const t = normal(text);
  if (/rekvirer|från samordningsförbundet|sökt/.test(t)) return 'rekvirera';
  if (/egenfinansier|egen finansiering|egen insats/.test(t)) return 'egenfinansiering';
  return undefined;
}

/** The columns a header row names. */
interface Header {
  post?: number;
  tjänst?: number;
  från?: number;
  till?: number;
  parter: { column: number; name: string }[];
  totalt?: number;
  years: { column: number; year: number }[];
  note?: number;
}

function readHeader(row: ExcelJS.Row, parter: readonly string[] | undefined): Header | undefined {
  const header: Header = { parter: [], years: [] };
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const c = shown(content(cell));
    if (c.kind === 'number' && Number.isInteger(c.value) && c.value >= 1990 && c.value <= 2100) {
      header.years.push({ column, year: c.value });
      return;
    }
    if (c.kind !== 'text') return;
    const t = normal(c.value);
    if (/^(19|20)\d{2}$/.test(t)) header.years.push({ column, year: Number(t) });
    else if (/^(post|kostnadsslag|kostnader?( i t?kr)?|benämning|budgetpost)$/.test(t)) header.post = column;
    else if (/tjänst|omfattning|^%$/.test(t)) header.tjänst = column;
    else if (/^(från|fr\.o\.m\.?|from|startdatum)$/.test(t)) header.från = column;
    else if (/^(till|t\.o\.m\.?|slutdatum)$/.test(t)) header.till = column;
    else if (/^(totalt|summa|s:a|total)\b|alla insatsägare/.test(t)) header.totalt = column;
    else if (/anmärkning|kommentar/.test(t)) header.note = column;
    else if (/insatsägare|tidsperiod|^period|kostnad/.test(t)) return;
    else if (!parter || parter.some((p) => normal(p) === t)) header.parter.push({ column, name: c.value });
  });
  const found = header.parter.length > 0 || header.years.length > 0 || header.totalt !== undefined;
  return found || header.från !== undefined ? header : undefined;
}

type Kind = 'amount' | 'percent' | 'date' | 'text';

export interface XlsxOptions {
  /** The file's name as shown in sources and findings, e.g. budget.xlsx. */
  name: string;
}

/** Reads a budget workbook into the budget of an ansökan, with the source of every value. */
export async function readBudgetWorkbook(bytes: Buffer, options: XlsxOptions): Promise<Sourced> {
  const out = new Sourced();
  const file = options.name;
  const fail = (message: string) => {
    out.findings.push(findingAt('import.fil', { file, line: 1, column: 1 }, message));
    return out;
  };
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    // An OLE container: a password-protected workbook (an encrypted package) or an old .xls.
    const encrypted = bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    return fail(
      encrypted
        ? `${file} är lösenordsskyddad och kan inte läsas; be den sökande skicka arbetsboken utan lösenord`
        : `${file} är sparad i det gamla Excel-formatet (.xls); öppna den i Excel eller LibreOffice och spara som .xlsx`,
    );
  }
  if (!bytes.subarray(0, 2).equals(Buffer.from('PK')))
    return fail(`${file} är ingen Excel-arbetsbok (.xlsx); spara budgeten som .xlsx och importera igen`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return fail(`${file} kan inte läsas som Excel-arbetsbok (${error instanceof Error ? error.message : 'okänt fel'})`);
  }

  const metaText = workbook.getWorksheet(META_SHEET)?.getCell(2, 1).value;
  let spec: MallSpec | undefined;
  try {
    spec = typeof metaText === 'string' ? (JSON.parse(metaText) as MallSpec) : undefined;
  } catch {
    spec = undefined;
  }
  const sheet =
    workbook.getWorksheet(SHEET) ??
    workbook.worksheets.find((ws) => {
      let found = false;
      ws.eachRow((row) => {
        const first = row.getCell(1).value;
        if (typeof first === 'string' && groupOf(first) && isSumLabel(first)) found = true;
      });
      return found;
    });
  if (!sheet) return fail(`${file} har inget blad med en budget (inga rader som «SUMMA LÖNEKOSTNAD»)`);
  let ws: ExcelJS.Worksheet = sheet;
  const where = (row: number, column: number) => `${ws.name}!${address(row, column)}`;
  const source = (row: number, column: number) => `${file} ${where(row, column)}`;
  const report = (code: FindingCode, row: number, column: number, message: string, extra = {}) =>
    out.findings.push(findingAt(code, { file, line: row, column }, message, extra));

  // Merged cells over amounts: the value would belong to several places, so none is taken.
  const merged = new Set<string>();
  const merges: string[] = (sheet.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [from = '', to = from] = range.split(':');
    const parse = (ref: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, ''));
      return { row: Number(m?.[2] ?? 0), col: columnNumber(m?.[1] ?? 'A') };
    };
    const a = parse(from);
    const b = parse(to);
    const spans = b.row - a.row + b.col - a.col > 0;
    let covers = false;
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++) {
        merged.add(address(r, c));
        if (c > 1) covers = true;
      }
    if (spans && covers && a.col > 1)
      report(
        'import.sammanfogade-celler',
        a.row,
        a.col,
        `sammanfogade celler ${sheet.name}!${range} ligger över beloppen; beloppen där importeras inte. Dela upp cellerna så att varje belopp har en egen cell.`,
      );
  }

  const consumed = new Set<string>();
  const at = (row: number, column: number): Content => content(ws.getCell(row, column));

  /** Imports one cell into a path, as typed; returns whether a value was there. */
  const take = (path: (string | number)[], row: number, column: number | undefined, kind: Kind): boolean => {
    if (column === undefined) return false;
    const key = address(row, column);
    consumed.add(where(row, column));
    if (ws === sheet && merged.has(key)) return false;
    const c = shown(at(row, column));
    if (c.kind === 'empty') return false;
    const put = (value: Raw) => {
      out.set(path, value, source(row, column));
      return true;
    };
    if (kind === 'text') return c.kind === 'text' ? put(c.value) : put(c.kind === 'number' ? String(c.value) : '');
    if (kind === 'date') {
      if (c.kind === 'date' && c.value >= '1900-01-01' && c.value <= '2199-12-31') return put(c.value);
      if (c.kind === 'date') {
        // A number typed in a date-formatted cell is read as a date centuries away: show the number.
        const serial = Math.round((Date.parse(`${c.value}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
        report(
          'excel.celltyp',
          row,
          column,
          `${where(row, column)} är en datumcell men innehåller «${serial}»; värdet importeras inte`,
          {
            expected: textFigure('ett datum ÅÅÅÅ-MM-DD'),
            found: textFigure(String(serial)),
          },
        );
        return false;
      }
      if (c.kind === 'text' && /^\d{4}-\d{2}-\d{2}$/.test(c.value)) return put(c.value);
      // A date typed as the sheet's heading asks, ååååmmdd (20250101), is that date.
      const compact = c.kind === 'number' ? /^(\d{4})(\d{2})(\d{2})$/.exec(String(c.value)) : null;
      if (compact && isCalendarDate(`${compact[1]}-${compact[2]}-${compact[3]}`))
        return put(`${compact[1]}-${compact[2]}-${compact[3]}`);
      report(
        'excel.celltyp',
        row,
        column,
        `${where(row, column)} är en datumcell men innehåller «${c.kind === 'number' ? String(c.value) : c.kind === 'text' ? c.value : ''}»; värdet importeras inte`,
        {
          expected: textFigure('ett datum ÅÅÅÅ-MM-DD'),
          found: textFigure(c.kind === 'number' ? String(c.value) : '?'),
        },
      );
      return false;
    }
    if (kind === 'percent') {
      if (c.kind === 'text') return put(c.value);
      if (c.kind === 'number' && c.value >= 0 && c.value <= 10) {
        const hundredths = Math.round(c.value * 10000);
        const whole = Math.trunc(hundredths / 100);
        const decimals = hundredths % 100;
        return put(`${whole}${decimals ? `,${String(decimals).padStart(2, '0').replace(/0$/, '')}` : ''} %`);
      }
      report(
        'excel.celltyp',
        row,
        column,
        `${where(row, column)} är en procentcell men innehåller ${c.kind === 'number' ? String(c.value) : 'ett datum'}; värdet importeras inte`,
        { expected: textFigure('en procentsats, t.ex. 80 %') },
      );
      return false;
    }
    // An amount: kept as the cell shows it, in whole öre.
    if (c.kind === 'number') {
      const ore = spreadsheetKronorToOre(c.value);
      if (ore !== undefined) return put(formatAmount(ore, 'kr', ' '));
    }
    if (c.kind === 'text' && parseHundredths(c.value) !== undefined) return put(c.value);
    report(
      'excel.celltyp',
      row,
      column,
      `${where(row, column)} är en beloppscell men innehåller «${c.kind === 'date' ? c.value : c.kind === 'text' ? c.value : String(c.value)}»; värdet importeras inte`,
      { expected: textFigure('ett belopp i kronor') },
    );
    return false;
  };

  // Walk the rows: part headings, header rows, group headings, lines, sum rows.
  let part: PartKey | undefined;
  let group: GroupKey | undefined;
  let header: Header | undefined;
  let lineIndex = 0;
  let sawParts = false;
  const parterInOrder: string[] = [];
  const groupHasYears = new Set<string>();
  const lastRow = sheet.rowCount;

  const readSum = (base: (string | number)[], row: number, withTjänst: boolean, typedYearsAreSplit: boolean) => {
    if (!header) return;
    if (withTjänst) take([...base, 'summa', 'tjänst'], row, header.tjänst, 'percent');
    for (const p of header.parter) take([...base, 'summa', 'parter', p.name], row, p.column, 'amount');
    take([...base, 'summa', 'totalt'], row, header.totalt, 'amount');
    for (const y of header.years) {
      const typed = at(row, y.column).kind === 'number';
      const target =
        typedYearsAreSplit && typed
          ? [...base, 'per_år', String(y.year)]
          : [...base, 'summa', 'per_år', String(y.year)];
      take(target, row, y.column, 'amount');
    }
  };

  for (let r = 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    const first = shown(at(r, 1));
    const label = first.kind === 'text' ? first.value : '';
    const t = normal(label);
    if (/^(insats|insatsens namn|namn på insats(en)?):?$/.test(t)) {
      take(['insats'], r, 2, 'text');
      continue;
    }
    if (t.startsWith('period') || /löptid/.test(t)) {
      take(['period', 'från'], r, 2, 'date');
      take(['period', 'till'], r, 3, 'date');
      continue;
    }
    if (/total kostnad|totalkostnad/.test(t)) {
      if (header) {
        for (const p of header.parter) take(['budget', 'total', 'parter', p.name], r, p.column, 'amount');
        take(['budget', 'total', 'totalt'], r, header.totalt, 'amount');
        for (const y of header.years) take(['budget', 'total', 'per_år', String(y.year)], r, y.column, 'amount');
      }
      part = undefined;
      group = undefined;
      continue;
    }
    if (/avstämning/.test(t) && part && header) {
      // The reconciling sum of the years: the one amount on the row.
      // A part with no year typed sums to 0 only because nothing was split: not a stated sum.
      const column = header.totalt ?? header.years.at(-1)?.column;
      const years = out.get(['budget', part, 'summa', 'per_år']);
      const split = years && typeof years === 'object' && Object.values(years).some((v) => v !== '0');
      const c = column === undefined ? undefined : shown(at(r, column));
      if (split || !(c?.kind === 'number' && c.value === 0))
        take(['budget', part, 'avstämning_per_år'], r, column, 'amount');
      else if (column !== undefined) consumed.add(where(r, column));
      continue;
    }
    const labelPart = label && !isSumLabel(label) ? partOf(label) : undefined;
    if (labelPart && !groupOf(label)) {
      part = labelPart;
      sawParts = true;
      group = undefined;
      let next = readHeader(sheet.getRow(r + 1), spec?.parter);
      const below = shown(at(r + 2, 1));
      const second =
        below.kind === 'text' && groupOf(below.value) ? undefined : readHeader(sheet.getRow(r + 2), spec?.parter);
      if (next && second && !spec) {
        // A heading over two rows: «Tidsperiod» above «från | till», «Delinsatsägare» above the names.
        next = {
          post: next.post ?? second.post,
          tjänst: next.tjänst ?? second.tjänst,
          från: next.från ?? second.från,
          till: next.till ?? second.till,
          parter: next.parter.length > 0 ? next.parter : second.parter,
          totalt: next.totalt ?? second.totalt,
          years: next.years.length > 0 ? next.years : second.years,
          note: next.note ?? second.note,
        };
        r++;
      }
      if (next) {
        header = next;
        for (const p of next.parter) if (!parterInOrder.includes(p.name)) parterInOrder.push(p.name);
        for (const c of [next.post, next.tjänst, next.från, next.till, next.totalt, next.note])
          if (c) consumed.add(where(r + 1, c));
        for (const c of [...next.parter, ...next.years]) consumed.add(where(r + 1, c.column));
        r++;
      }
      continue;
    }
    if (!sawParts && !part) {
      // A workbook without a «rekvirera» heading: the first header row starts the sought part.
      const maybe = readHeader(row, spec?.parter);
      const columnsNamed =
        maybe && (maybe.totalt !== undefined || maybe.tjänst !== undefined || maybe.years.length > 0);
      if (maybe && columnsNamed && maybe.parter.length > 0 && groupOf(label) === undefined) {
        part = 'rekvirera';
        sawParts = true;
        header = maybe;
        for (const p of maybe.parter) if (!parterInOrder.includes(p.name)) parterInOrder.push(p.name);
        continue;
      }
    }
    if (!part || !header) continue;
    if (label && isSumLabel(label)) {
      const g = groupOf(label);
      if (g && group === g) {
        readSum(['budget', part, g], r, true, !groupHasYears.has(`${part}.${g}`));
        group = undefined;
      } else if (partOf(label) === part || (!g && /summa|s:a/.test(t))) {
        readSum(['budget', part], r, false, false);
        group = undefined;
      }
      continue;
    }
    const g = label ? groupOf(label) : undefined;
    const rowHasAmounts = [...header.parter, ...header.years].some((c) => shown(at(r, c.column)).kind === 'number');
    if (g && !rowHasAmounts && (!group || group !== g)) {
      group = g;
      lineIndex = 0;
      continue;
    }
    if (!group) continue;
    // A line: anything typed in its cells.
    const typed = [
      header.tjänst,
      header.från,
      header.till,
      header.note,
      ...header.parter.map((p) => p.column),
      ...header.years.map((y) => y.column),
    ]
      .filter((c): c is number => c !== undefined)
      .some((c) => shown(at(r, c)).kind !== 'empty');
    // A line: a post with any figure (its row total counts), or any figure typed.
    const filled =
      typed ||
      (shown(at(r, header.post ?? 1)).kind !== 'empty' &&
        header.totalt !== undefined &&
        shown(at(r, header.totalt)).kind !== 'empty');
    if (!filled) {
      for (const c of [header.post ?? 1, header.totalt]) if (c) consumed.add(where(r, c));
      continue;
    }
    const base = ['budget', part, group, 'rader', lineIndex];
    lineIndex++;
    if (!take([...base, 'post'], r, header.post ?? 1, 'text'))
      out.set([...base, 'post'], `Rad ${r}`, `${file} ${where(r, header.post ?? 1)} (tom)`);
    take([...base, 'tjänst'], r, header.tjänst, 'percent');
    take([...base, 'från'], r, header.från, 'date');
    take([...base, 'till'], r, header.till, 'date');
    const given = header.parter.filter((p) => shown(at(r, p.column)).kind !== 'empty');
    if (given.length === 1 && given[0] === header.parter[0]) take([...base, 'belopp'], r, given[0]!.column, 'amount');
    else if (given.length === 0 && header.parter[0])
      // No amount in any party column: an empty belopp, not a guessed 0.
      out.set([...base, 'belopp'], {}, `${source(r, header.parter[0].column)} (tom)`);
    else for (const p of header.parter) take([...base, 'belopp', p.name], r, p.column, 'amount');
    take([...base, 'summa'], r, header.totalt, 'amount');
    for (const y of header.years)
      if (take([...base, 'per_år', String(y.year)], r, y.column, 'amount')) groupHasYears.add(`${part}.${group}`);
    const note = header.note;
    if (note !== undefined) {
      const c = shown(at(r, note));
      consumed.add(where(r, note));
      if (c.kind === 'text') {
        const printed = /^\(skrivs ut\)\s*/i.exec(c.value);
        if (printed) {
          out.set([...base, 'anmärkning', 'text'], c.value.slice(printed[0].length), source(r, note));
          out.set([...base, 'anmärkning', 'skrivs_ut'], true, source(r, note));
        } else take([...base, 'anmärkning'], r, note, 'text');
      }
    }
  }
  if (parterInOrder.length > 0) out.set(['budget', 'parter'], parterInOrder, `${file} ${sheet.name} (kolumnrubriker)`);
  out.set(['budget', 'enhet'], 'kr', `${file} (belopp i kronor)`);

  const firstRows = (w: ExcelJS.Worksheet, pattern: RegExp) => {
    for (let r = 1; r <= Math.min(6, w.rowCount); r++)
      for (let c = 1; c <= Math.min(8, w.columnCount); c++) {
        const v = shown(content(w.getCell(r, c)));
        if (v.kind === 'text' && pattern.test(normal(v.value))) return true;
      }
    return false;
  };
  const others = workbook.worksheets.filter((w) => w !== sheet && w.name !== META_SHEET);

  // A sheet of the split per year («Insatsbudget fördelad över insatstid»): the lines are
  // matched to the detailed budget's by their post, never by position.
  // A workbook made from the mall has its years on the Budget sheet; its «Per år» is only a view.
  const yearSheet = spec ? undefined : others.find((w) => w.name !== SUMMARY_SHEET && firstRows(w, /fördel|per år/));
  if (yearSheet) {
    ws = yearSheet;
    let headerRow = 0;
    let totalColumn: number | undefined;
    const yearColumns: { column: number; year: number }[] = [];
    for (let r = 1; r <= Math.min(10, ws.rowCount) && !headerRow; r++) {
      ws.getRow(r).eachCell((cell, column) => {
        const v = shown(content(cell));
        const text = v.kind === 'text' ? normal(v.value) : v.kind === 'number' ? String(v.value) : '';
        const year = /\b((19|20)\d{2})\b/.exec(text)?.[1];
        if (/^totalt?/.test(text)) totalColumn = column;
        else if (year) yearColumns.push({ column, year: Number(year) });
      });
      if (yearColumns.length > 0) headerRow = r;
      else totalColumn = undefined;
    }
    let yPart: PartKey = 'rekvirera';
    let yGroup: GroupKey | undefined;
    const yearsOf = (base: (string | number)[], r: number) => {
      if (totalColumn) consumed.add(where(r, totalColumn));
      for (const y of yearColumns) take([...base, String(y.year)], r, y.column, 'amount');
    };
    for (let r = headerRow + 1; headerRow && r <= ws.rowCount; r++) {
      const first = shown(at(r, 1));
      const label = first.kind === 'text' ? first.value : '';
      const t = normal(label);
      if (!label) continue;
      if (/avstämning/.test(t)) {
        if (totalColumn) take(['budget', yPart, 'avstämning_per_år'], r, totalColumn, 'amount');
        continue;
      }
      const g = groupOf(label);
      if (isSumLabel(label)) {
        if (g) yearsOf(['budget', yPart, g, 'summa', 'per_år'], r);
        else yearsOf(['budget', partOf(label) ?? yPart, 'summa', 'per_år'], r);
        yGroup = undefined;
        continue;
      }
      const p = partOf(label);
      if (p && !g) {
        yPart = p;
        continue;
      }
      const hasYears = yearColumns.some((y) => shown(at(r, y.column)).kind === 'number');
      if (g && (!yGroup || yGroup !== g)) {
        const lines = out.get(['budget', yPart, g, 'rader']);
        const named =
          Array.isArray(lines) &&
          lines.some((l) => typeof l === 'object' && !Array.isArray(l) && normal(String(l.post)) === t);
        if (!named) {
          yGroup = g;
          // Amounts on the group's own row: the group split as a whole.
          if (hasYears) yearsOf(['budget', yPart, g, 'per_år'], r);
          continue;
        }
      }
      if (!yGroup) continue;
      const lines = out.get(['budget', yPart, yGroup, 'rader']);
      const index = Array.isArray(lines)
        ? lines.findIndex((l) => typeof l === 'object' && !Array.isArray(l) && normal(String(l.post)) === t)
        : -1;
      if (index >= 0) yearsOf(['budget', yPart, yGroup, 'rader', index, 'per_år'], r);
    }
    ws = sheet;
  }

  // The sammanställning: a row per party, found by its column headings.
  const summary =
    workbook.getWorksheet(SUMMARY_SHEET) ?? others.find((w) => w !== yearSheet && firstRows(w, /sammanställning/));
  if (summary) {
    ws = summary;
    const columnsOf: Record<string, number> = {};
    let headerRow = 0;
    for (let r = 1; r <= Math.min(10, summary.rowCount) && !headerRow; r++)
      summary.getRow(r).eachCell((cell, column) => {
        const c = shown(content(cell));
        if (c.kind !== 'text') return;
        const t = normal(c.value);
        if (/rekvirer/.test(t)) columnsOf.rekvirera = column;
        else if (/egenfinans/.test(t)) columnsOf.egenfinansiering = column;
        else if (/^total/.test(t)) columnsOf.totalt = column;
        if (columnsOf.rekvirera) headerRow = r;
      });
    summary.eachRow((row, r) => {
      if (r <= headerRow) return;
      const name = shown(content(row.getCell(1)));
      if (name.kind !== 'text') return;
      const base = /^(summa|s:a|totalt)$/i.test(name.value.trim())
        ? ['budget', 'sammanställning', 'summa']
        : ['budget', 'sammanställning', 'parter', name.value];
      for (const key of ['rekvirera', 'egenfinansiering', 'totalt']) {
        const column = columnsOf[key];
        if (column !== undefined) take([...base, key], r, column, 'amount');
      }
    });
    ws = sheet;
  }

  checkFormulas(workbook, file, out);
  if (spec) await checkAgainstMall(sheet, spec, file, out);
  else {
    // An applicant's own workbook: every number not taken is listed with its cell.
    for (const w of [sheet, ...others]) {
      ws = w;
      w.eachRow((row, r) =>
        row.eachCell((cell, column) => {
          const c = content(cell);
          const value = shown(c);
          if (value.kind !== 'number' || consumed.has(where(r, column))) return;
          if (c.kind === 'number' && Number.isInteger(value.value) && value.value >= 1990 && value.value <= 2100)
            return;
          // A date typed ååååmmdd (Projektets löptid 20250101) is no amount to place.
          const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(String(value.value));
          if (compact && isCalendarDate(`${compact[1]}-${compact[2]}-${compact[3]}`)) return;
          report(
            'import.ej-mappad',
            r,
            column,
            `${where(r, column)} (${formatAmount(spreadsheetKronorToOre(value.value) ?? 0, 'kr', ' ')}) hör inte till någon budgetrad, part eller år som kunde kännas igen; värdet importerades inte`,
          );
        }),
      );
    }
    ws = sheet;
  }
  return out;
}

/** Every formula whose cached value is not what its formula gives now (SUM, +, −, ×, ÷). */
function checkFormulas(workbook: ExcelJS.Workbook, file: string, out: Sourced): void {
  for (const sheet of workbook.worksheets) {
    if (sheet.name === META_SHEET) continue;
    const lookup: CellLookup = (sheetName, row, column) => {
      const ws = sheetName ? workbook.getWorksheet(sheetName) : sheet;
      if (!ws) return undefined;
      const c = shown(content(ws.getCell(row, column)));
      return c.kind === 'number' ? c.value : c.kind === 'empty' ? 0 : undefined;
    };
    sheet.eachRow((row, r) =>
      row.eachCell((cell, column) => {
        const c = content(cell);
        if (c.kind !== 'formula' || typeof c.result !== 'number') return;
        const now = evaluateFormula(c.formula, lookup);
        if (now === undefined) return;
        const percent = cell.numFmt?.includes('%') ?? false;
        // A percentage compares to a hundredth of a percent, an amount to the öre.
        const scale = (v: number) => spreadsheetKronorToOre(percent ? v * 100 : v);
        const cached = scale(c.result);
        const computed = scale(now);
        if (cached === undefined || computed === undefined || cached === computed) return;
        const show = (v: number) => (percent ? `${formatAmount(v, 'kr', ' ')} %` : formatAmount(v, 'kr', ' '));
        out.findings.push(
          findingAt(
            'excel.formelvärde',
            { file, line: r, column },
            `${sheet.name}!${address(r, column)} =${c.formula} visar ${show(cached)}, men formeln ger ${show(computed)} med cellernas värden nu; det visade värdet importerades`,
            percent ? {} : { expected: amountFigure(computed), found: amountFigure(cached) },
          ),
        );
      }),
    );
  }
}

/** What only a workbook made from the mall can show: typed sums and input outside the fields. */
async function checkAgainstMall(sheet: ExcelJS.Worksheet, spec: MallSpec, file: string, out: Sourced): Promise<void> {
  const mall = new ExcelJS.Workbook();
  await mall.xlsx.load((await budgetWorkbook(spec)) as unknown as ArrayBuffer);
  const blank = mall.getWorksheet(SHEET)!;
  sheet.eachRow((r, rowNumber) =>
    r.eachCell((cell, column) => {
      const c = content(cell);
      if (c.kind === 'empty') return;
      const original = blank.getCell(rowNumber, column);
      const before = content(original);
      const where = `${sheet.name}!${address(rowNumber, column)}`;
      if (before.kind === 'formula' && c.kind !== 'formula') {
        out.findings.push(
          findingAt(
            'excel.summa-inskriven',
            { file, line: rowNumber, column },
            `${where} har ett inskrivet värde där budgetmallen har formeln =${before.formula}; summan räknas inte längre om när raderna ändras`,
          ),
        );
      } else if (before.kind === 'empty' && original.protection?.locked !== false) {
        out.findings.push(
          findingAt(
            'excel.utanför-fält',
            { file, line: rowNumber, column },
            `${where} är ifylld men ligger utanför mallens färgade fält; värdet importerades inte`,
          ),
        );
      }
    }),
  );
}
