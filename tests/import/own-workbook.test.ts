// An applicant's own workbook, laid out like the seed's budget sheets for «En väg in – steget
// vidare» (three sheets: detailed budget, split per year, sammanställning), with the seed's
// figures and its faults: a lön total per year from a formula over other cells (1 427 333,33
// beside lines giving 1 427 333) and 720000 typed in a date column. Imported, it gives the same
// check findings as the example's hand-written YAML.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../engine/import/index.js';
import { check } from '../../engine/index.js';
import type { Finding } from '../../engine/findings.js';
import { EXAMPLE, scratchCopy } from '../helpers.js';
import { EXAMPLE_MEETING } from './roundtrip-util.js';

const PARTER = ['Knivsta kommun', 'Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala'];
type Cell = string | number | ExcelJS.CellFormulaValue | null;

async function seedWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const detail = workbook.addWorksheet('Budget detaljerad');
  const rows: Cell[][] = [];
  const put = (...cells: Cell[]) => rows.push(cells);
  const n = () => rows.length + 1; // the row number of the next put
  const line = (
    post: string,
    tjänst: number | null,
    från: number | null,
    till: number | null,
    knivsta: number | null,
  ) => {
    const r = n();
    put(post, tjänst, från, till, knivsta, null, null, null, { formula: `SUM(E${r}:H${r})`, result: knivsta ?? 0 });
  };
  const sums = (label: string, first: number, last: number, tjänst: boolean, values: number[]) =>
    put(
      label,
      tjänst ? { formula: `SUM(B${first}:B${last})`, result: values[5] ?? 0 } : null,
      null,
      null,
      ...['E', 'F', 'G', 'H', 'I'].map((c, i) => ({
        formula: `SUM(${c}${first}:${c}${last})`,
        result: values[i] ?? 0,
      })),
    );
  put('Namn på insats', 'En väg in – steget vidare');
  put('Insatsens löptid', 20250101, 20271231);
  put();
  put('KOSTNAD ATT REKVIRERA FRÅN SAMORDNINGSFÖRBUNDET');
  const headings = () => {
    put(
      'Kostnader i tkr',
      'Tjänst i %',
      'Tidsperiod (ååmmdd)',
      null,
      'Huvudinsatsägare',
      'Delinsatsägare',
      'Delinsatsägare',
      'Delinsatsägare',
      'Att rekvirera - Alla insatsägare',
    );
    put(null, null, 'från', 'till', ...PARTER);
  };
  headings();
  put('LÖNEKOSTNAD');
  put('Inkl PO.påslag');
  let first = n();
  line('1. Gruppledare', 0.2, 20250101, 20271231, 436_000);
  line('2. Medarbetare 1', 1, 20250101, 20271231, 1_923_000);
  line('3. Medarbetare 2', 1, 20250101, 20271231, 1_923_000);
  for (const post of ['4.', '5.', '6.', '7.']) line(post, 0, null, null, null);
  const lön = n();
  sums('SUMMA LÖNEKOSTNAD', first, n() - 1, true, [4_282_000, 0, 0, 0, 4_282_000, 2.2]);
  put('LOKALKOSTNAD');
  first = n();
  line('Lokalhyra', null, null, null, null);
  line('Övriga lokalkostnader', null, null, null, null);
  const lokal = n();
  sums('SUMMA LOKALKOSTNAD', first, n() - 1, false, [0, 0, 0, 0, 0]);
  put('ÖVRIGA KOSTNADER');
  first = n();
  for (const [post, amount] of [
    ['Utvärdering', null],
    ['Spridningsseminarier', null],
    ['Utbildning Insatsmedarbetare', 180_000],
    ['Inköpta utredningar, utbildningar och tjänster avsedda för deltagare', null],
    ['Övriga aktiviteter för deltagare', 180_000],
    ['Telefon-, IT-kostnader', 66_000],
    ['Resor', null],
    ['Tolk', 60_000],
    ['Informationsmaterial', null],
    ['Övrigt', 30_000],
  ] as const)
    line(post, null, null, null, amount);
  const övrigt = n();
  sums('SUMMA ÖVRIGA KOSTNADER', first, n() - 1, false, [516_000, 0, 0, 0, 516_000]);
  const rekvirera = n();
  put(
    'SUMMA FRÅN SAMORDNINGSFÖRBUNDET',
    null,
    null,
    null,
    ...['E', 'F', 'G', 'H', 'I'].map((c, i) => ({
      formula: `${c}${lön}+${c}${lokal}+${c}${övrigt}`,
      result: i === 0 || i === 4 ? 4_798_000 : 0,
    })),
  );
  put();
  put('EGENFINANSIERING');
  headings();
  put('LÖNEKOSTNAD');
  first = n();
  line('Ekonom', 0.05, null, null, null);
  line('Chef AMI', 0.3, null, null, null);
  line('3. Arbetsmarknadssekreterare', 0.2, null, null, null);
  for (const post of ['4.', '5.', '6.', '7.']) line(post, 0, null, null, null);
  const eLön = n();
  sums('SUMMA LÖNEKOSTNAD', first, n() - 1, true, [0, 0, 0, 0, 0, 0.55]);
  put('LOKALKOSTNAD');
  first = n();
  line('Lokalhyra', null, null, null, null);
  line('Övriga lokalkostnader', null, 720_000, null, null); // the seed's amount in the date column
  const eLokal = n();
  sums('SUMMA LOKALKOSTNAD', first, n() - 1, false, [0, 0, 0, 0, 0]);
  put('ÖVRIGA KOSTNADER');
  first = n();
  put(null, null, null, null, null, null, null, null, { formula: `SUM(E${n()}:H${n()})`, result: 0 });
  const eÖvrigt = n();
  sums('SUMMA ÖVRIGA KOSTNADER', first, n() - 1, false, [0, 0, 0, 0, 0]);
  const egen = n();
  put(
    'SUMMA EGENFINANSIERING',
    null,
    null,
    null,
    ...['E', 'F', 'G', 'H', 'I'].map((c) => ({ formula: `${c}${eLön}+${c}${eLokal}+${c}${eÖvrigt}`, result: 0 })),
  );
  put(
    'TOTAL KOSTNAD FÖR INSATSEN',
    null,
    null,
    null,
    ...['E', 'F', 'G', 'H', 'I'].map((c, i) => ({
      formula: `${c}${rekvirera}+${c}${egen}`,
      result: i === 0 || i === 4 ? 4_798_000 : 0,
    })),
  );
  rows.forEach((cells, i) =>
    cells.forEach((value, c) => value !== null && (detail.getCell(i + 1, c + 1).value = value)),
  );

  // The split per year, on its own sheet, as in the seed («Insatsbudget fördelad över insatstid»).
  const years = workbook.addWorksheet('Insatsbudget');
  const y: Cell[][] = [
    ['INSATSBUDGET', 'En väg in'],
    ['FÖRDELAD ÖVER INSATSTID', 'Fördelning per år, tkr'],
    [null, 'Totalt för insatsen', 'År 1 2025', 'År 2 2026', 'År 3 2027', 'År 4 20xx'],
    ['FYLL I ENDAST FÄRGADE FÄLT'],
    ['LÖNEKOSTNADER'],
    ['inkl P.O tillägg'],
    ['1. Gruppledare', 436_000, 145_333, 149_693, 154_184],
    ['2. Medarbetare 1', 1_923_000, 641_000, 660_230, 680_037],
    ['3. Medarbetare 2', 1_923_000, 641_000, 660_230, 680_037],
    ['4.', 0, 0, 0, 0],
    ['5.', 0],
    ['6.', 0],
    ['7.', 0],
    // The seed's fault: the year totals are a formula over the total, not over the lines.
    [
      'SUMMA LÖNEKOSTNAD',
      { formula: 'SUM(B7:B13)', result: 4_282_000 },
      { formula: 'B14/3', result: 4_282_000 / 3 },
      { formula: 'C14*1.03', result: (4_282_000 / 3) * 1.03 },
      { formula: 'D14*1.03', result: (4_282_000 / 3) * 1.03 * 1.03 },
      0,
    ],
    ['LOKALKOSTNADER'],
    ['Lokalkostnader', 0, 0, 0, 0],
    ['Övriga lokalkostnader', 0],
    ['SUMMA LOKALKOSTNAD', 0, 0, 0, 0, 0],
    ['ÖVRIGA KOSTNADER', 516_000, 172_000, 172_000, 172_000],
    [
      'SUMMA FRÅN SAMORDNINGSFÖRBUNDET',
      { formula: 'B14+B18+B19', result: 4_798_000 },
      { formula: 'C14+C18+C19', result: 4_282_000 / 3 + 172_000 },
      { formula: 'D14+D18+D19', result: (4_282_000 / 3) * 1.03 + 172_000 },
      { formula: 'E14+E18+E19', result: (4_282_000 / 3) * 1.03 * 1.03 + 172_000 },
      0,
    ],
    ['S:a per år för avstämning', 4_927_745],
  ];
  y.forEach((cells, i) => cells.forEach((value, c) => value !== null && (years.getCell(i + 1, c + 1).value = value)));

  const summary = workbook.addWorksheet('Budgetsammanställning');
  const s: Cell[][] = [
    ['Budgetsammanställning', 'En väg in'],
    ['Projektets löptid', 20250101, 20271231],
    [
      'Kostnader i tkr',
      'Att rekvirera från Samordningsförbundet',
      'Projektägarnas egenfinansiering',
      'Totalt projektet',
    ],
    ['Huvudinsatsägare'],
    ['Knivsta kommun', 4_798_000, 0, 4_798_000],
    ['Delinsatsägare'],
    ['Arbetsförmedlingen', 0, 0, 0],
    ['Försäkringskassan', 0, 0, 0],
    ['Region Uppsala', 0, 0, 0],
    ['Summa', 4_798_000, 0, 4_798_000],
  ];
  s.forEach((cells, i) => cells.forEach((value, c) => value !== null && (summary.getCell(i + 1, c + 1).value = value)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const FILE = 'en-vag-in-steget-vidare.yaml';
const gist = (f: Finding) => `${f.code} ${JSON.stringify(f.expected ?? null)} ${JSON.stringify(f.found ?? null)}`;

describe('an applicant’s own workbook, laid out like the seed', () => {
  it('imports what maps, lists what does not with its cell, and gives the example’s findings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handlingar-own-'));
    const xlsx = path.join(dir, 'budget.xlsx');
    writeFileSync(xlsx, await seedWorkbook());
    const meeting = path.join(dir, 'mote');
    mkdirSync(meeting);
    const outcome = await importFiles([xlsx], meeting);
    expect(outcome.written).toMatch(/ansokningar\/en-vag-in-steget-vidare\.yaml$/);
    const imported = readFileSync(outcome.written!, 'utf8');
    expect(imported).toContain('2025: 1 427 333,33 # källa: budget.xlsx Insatsbudget!C14');

    const found = outcome.findings.map((f) => `${f.code} ${f.message}`);
    // 720000 in the date column is named, not guessed into the line.
    expect(found).toContainEqual(
      expect.stringMatching(/^excel\.celltyp Budget detaljerad!C\d+ är en datumcell men innehåller «720000»/),
    );
    // What could not be mapped is listed with its cell: the «År 4 20xx» column, a line the
    // detailed budget does not have.
    expect(found).toContainEqual(expect.stringMatching(/^import\.ej-mappad Insatsbudget!B16 /));
    expect(found.filter((f) => f.startsWith('excel.formelvärde'))).toEqual([]);

    const root = scratchCopy(EXAMPLE);
    const target = path.join(root, EXAMPLE_MEETING, 'ansokningar', FILE);
    const hand = readFileSync(target, 'utf8');
    writeFileSync(target, hand.slice(0, hand.search(/^budget:/m)) + imported.slice(imported.search(/^budget:/m)));
    const after = check(root).findings.filter((f) => path.basename(f.file) === FILE);
    const before = check(EXAMPLE).findings.filter((f) => path.basename(f.file) === FILE);
    expect(after.map(gist).sort()).toEqual(before.map(gist).sort());
    const perYear = after.find((f) => f.code === 'budget.delsumma-per-år');
    expect(perYear?.message).toContain('(källa: budget.xlsx Insatsbudget!');
  });
});
