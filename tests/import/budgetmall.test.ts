// handlingar budgetmall and the workbook findings of handlingar importera.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../engine/cli.js';
import { parseOre } from '../../engine/money.js';
import { budgetWorkbook, INPUT_FILL, specFor } from '../../engine/import/budgetmall.js';
import { importFiles } from '../../engine/import/index.js';
import { readBudgetWorkbook } from '../../engine/import/read-xlsx.js';
import { check } from '../../engine/index.js';
import type { Ansokan } from '../../schemas/ansokan.js';
import { EXAMPLE, scratchCopy } from '../helpers.js';
import { EXAMPLE_ANSOKNINGAR, EXAMPLE_MEETING, filledWorkbook, loadAnsokan, yearsOf } from './roundtrip-util.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'handlingar-budgetmall-'));

async function capture(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('handlingar budgetmall', () => {
  it('writes the same bytes for the same call, with coloured unlocked inputs and locked formula sums', async () => {
    const dir = tmp();
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    expect(
      (await capture(['budgetmall', '--år', '2025-2027', '--parter', 'Knivsta kommun,Region Uppsala', '--out', a]))
        .code,
    ).toBe(0);
    await capture(['budgetmall', '--år', '2025-2027', '--parter', 'Knivsta kommun,Region Uppsala', '--out', b]);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const sheet = (await load(readFileSync(a))).getWorksheet('Budget')!;
    expect(sheet.getCell('A2').value).toBe('FYLL I ENDAST FÄRGADE FÄLT');
    expect(sheet.getRow(7).values).toEqual(
      expect.arrayContaining(['Post', 'Tjänst', 'Knivsta kommun', 'Region Uppsala', 'Totalt', 2025, 2026, 2027]),
    );
    const line = sheet.getCell('E9');
    expect(line.protection?.locked).toBe(false);
    expect(line.fill).toMatchObject({ fgColor: { argb: INPUT_FILL } });
    const lineSum = sheet.getCell('G9');
    expect(lineSum.formula).toBe('SUM(E9:F9)');
    expect(lineSum.protection?.locked).not.toBe(false);
    expect(sheet.getCell('E17').formula).toBe('SUM(E9:E16)');
    // The three views: the detailed budget with its years, the split per year, the sammanställning.
    const workbook = await load(readFileSync(a));
    expect(workbook.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'Budget',
      'Per år',
      'Sammanställning',
    ]);
    const perYear = workbook.getWorksheet('Per år')!;
    expect(perYear.getCell('B4').formula).toBe('Budget!G9');
    expect(perYear.getCell('C4').formula).toBe('Budget!H9');
    expect(workbook.getWorksheet('Sammanställning')!.getCell('B2').formula).toBe('Budget!E31');
  });

  it('refuses years that are not a span', async () => {
    const { code, err } = await capture([
      'budgetmall',
      '--år',
      '2027-2025',
      '--parter',
      'A',
      '--out',
      path.join(tmp(), 'x.xlsx'),
    ]);
    expect(code).toBe(2);
    expect(err).toContain('ogiltiga år «2027-2025»');
  });
});

// LibreOffice Calc computes the mall's formulas: the sums it gives are the sums check gives.
const probeDir = tmp();
const probe = path.join(probeDir, 'probe.xlsx');
writeFileSync(probe, await budgetWorkbook(specFor(['A'], [2025])));
const calc =
  spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(path.join(probeDir, 'lo')).href}`,
      '--headless',
      '--convert-to',
      'csv',
      '--outdir',
      probeDir,
      probe,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  ).status === 0 && existsSync(path.join(probeDir, 'probe.csv'));
if (!calc)
  console.warn(
    '\n⚠ LibreOffice Calc (soffice) saknas: testet att budgetmallens formler räknar som check hoppas över. Installera: apt-get install libreoffice-calc-nogui\n',
  );

/** An ansökan's budget without any stated sum: only what the applicant types in the coloured cells. */
function linesOnly(a: Ansokan): Ansokan {
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(strip)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => !['summa', 'avstämning_per_år', 'total', 'sammanställning'].includes(key))
              .map(([key, child]) => [key, strip(child)]),
          )
        : value;
  return { ...a, budget: strip(a.budget) as Ansokan['budget'] };
}

// «S:a per år för avstämning» compares the years with the total: they differ whenever the
// applicant's own split is incomplete, which is the content's finding, not the formula's.
const SUM_CODES = [
  'budget.radsumma',
  'budget.delsumma',
  'budget.delsumma-per-år',
  'budget.tjänst',
  'budget.total',
  'budget.sammanställning',
];

describe.skipIf(!calc)('the mall in LibreOffice Calc', () => {
  it.each(['framsteget.yaml', 'en-vag-in-steget-vidare.yaml', 'vaxtkraft.yaml'])(
    '%s: the formulas compute to the sums check computes',
    async (file) => {
      const a = linesOnly(loadAnsokan(path.join(EXAMPLE_ANSOKNINGAR, file)));
      const dir = tmp();
      const input = path.join(dir, 'in', 'budget.xlsx');
      mkdirSync(path.dirname(input));
      writeFileSync(input, await budgetWorkbook(specFor(a.budget.parter, yearsOf(a), a), a));
      const converted = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo')).href}`,
          '--headless',
          '--convert-to',
          'xlsx',
          '--outdir',
          dir,
          input,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(converted.status).toBe(0);
      const recalculated = path.join(dir, 'budget.xlsx');
      // Every sum now has the value Calc computed; imported as stated sums, check finds none wrong.
      const root = scratchCopy(EXAMPLE);
      const meeting = path.join(root, EXAMPLE_MEETING);
      const target = path.join(meeting, 'ansokningar', file);
      const hand = readFileSync(target, 'utf8');
      const scratch = path.join(dir, 'mote');
      mkdirSync(scratch);
      const outcome = await importFiles([recalculated], scratch);
      const imported = readFileSync(outcome.written!, 'utf8');
      expect(parse(imported).budget.rekvirera.summa.totalt).toBeDefined();
      writeFileSync(target, hand.slice(0, hand.search(/^budget:/m)) + imported.slice(imported.search(/^budget:/m)));
      const sums = check(root).findings.filter((f) => path.basename(f.file) === file && SUM_CODES.includes(f.code));
      expect(sums.map((f) => `${f.code}: ${f.message}`)).toEqual([]);
      // The reconciliation formula computed the sum of the years Calc computed.
      const rekvirera = parse(imported).budget.rekvirera;
      if (rekvirera.avstämning_per_år !== undefined) {
        const years = Object.values(rekvirera.summa.per_år as Record<string, string | number>);
        const total = years.reduce<number>((acc, v) => acc + (parseOre(String(v)) ?? 0), 0);
        expect(parseOre(String(rekvirera.avstämning_per_år))).toBe(total);
      }
    },
  );
});

describe('what only the workbook knows', () => {
  const framsteget = loadAnsokan(path.join(EXAMPLE_ANSOKNINGAR, 'framsteget.yaml'));

  it('a cached formula value that its formula no longer gives, a typed sum, a number in a date cell, input outside the fields', async () => {
    const workbook = await load(await filledWorkbook(framsteget));
    const sheet = workbook.getWorksheet('Budget')!;
    sheet.getCell('I17').value = { formula: 'SUM(I9:I16)', result: 7_493_000 }; // cached ≠ lines
    sheet.getCell('I10').value = 2_980_000; // a number over the line's formula
    sheet.getCell('D11').value = 720_000; // an amount in the date column
    sheet.getCell('B12').value = 20; // 2 000 % in a percentage cell
    sheet.getCell('P40').value = 5_000; // outside the coloured cells
    const imported = await readBudgetWorkbook(await save(workbook), { name: 'budget.xlsx' });
    const found = imported.findings.map((f) => `${f.code} ${f.line}:${f.column} ${f.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^excel\.formelvärde 17:9 Budget!I17 =SUM\(I9:I16\) visar 7 493 000, men formeln ger 7 493 600/,
        ),
        expect.stringMatching(
          /^excel\.summa-inskriven 10:9 Budget!I10 har ett inskrivet värde där budgetmallen har formeln =SUM\(E10:H10\)/,
        ),
        expect.stringMatching(/^excel\.celltyp 11:4 Budget!D11 är en datumcell men innehåller «720000»/),
        expect.stringMatching(/^excel\.celltyp 12:2 Budget!B12 är en procentcell/),
        expect.stringMatching(
          /^excel\.utanför-fält 40:16 Budget!P40 är ifylld men ligger utanför mallens färgade fält/,
        ),
      ]),
    );
    // The date is not guessed into the line; the rest of the line is imported.
    const line = (imported.value.budget as { rekvirera: { lön: { rader: Record<string, unknown>[] } } }).rekvirera.lön
      .rader[2]!;
    expect(line.till).toBeUndefined();
    expect(line.belopp).toBe('1 347 000');
  });

  it('merged cells over the amounts are not read, and say so', async () => {
    const workbook = await load(await filledWorkbook(framsteget));
    workbook.getWorksheet('Budget')!.mergeCells('E9:F9');
    const imported = await readBudgetWorkbook(await save(workbook), { name: 'budget.xlsx' });
    expect(imported.findings.map((f) => f.code)).toContain('import.sammanfogade-celler');
    expect(imported.findings.find((f) => f.code === 'import.sammanfogade-celler')!.message).toContain('Budget!E9:F9');
  });
});

describe('bad files get a clear message and an exit code, never a stack trace', () => {
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
  it.each([
    ['skyddad.xlsx', Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le')]), /lösenordsskyddad/],
    ['gammal.xls', ole, /gamla Excel-formatet \(\.xls\)/],
    ['trasig.xlsx', Buffer.from('inte en arbetsbok'), /ingen Excel-arbetsbok/],
  ])('%s', async (name, bytes, message) => {
    const dir = tmp();
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const { code, out, err } = await capture(['importera', file, '--till', dir]);
    expect(code).toBe(1);
    expect(out).toMatch(message);
    expect(out).toContain('[import.fil]');
    expect(err).toContain('inget importerades');
    expect(`${out}${err}`).not.toMatch(/\n\s+at /);
  });

  it('never overwrites an ansökan', async () => {
    const dir = tmp();
    const file = path.join(dir, 'budget.xlsx');
    writeFileSync(file, await filledWorkbook(loadAnsokan(path.join(EXAMPLE_ANSOKNINGAR, 'framsteget.yaml'))));
    expect((await capture(['importera', file, '--till', dir])).code).toBe(0);
    const again = await capture(['importera', file, '--till', dir]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('ansokningar/framsteget.yaml finns redan och skrivs inte över');
  });
});
