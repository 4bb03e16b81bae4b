// The Word packet as the administratör gets it: documents read back with mammoth.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../engine/cli.js';
import { lineTotal } from '../engine/derive/budget.js';
import { formatAmount } from '../engine/money.js';
import { check } from '../engine/index.js';
import { build } from '../engine/output/build.js';
import { APPLICATION, attachPlan, edit, MINIMAL, MINIMAL_MEETING, scratchCopy, tinyPdf } from './helpers.js';
import { printedRemark } from '../schemas/ansokan.js';

const MEETING = 'content/moten/2024-09-12';
const temp = (prefix: string) => mkdtempSync(path.join(tmpdir(), `handlingar-${prefix}-`));
const text = async (file: string) => (await mammoth.extractRawText({ path: file })).value;
const html = async (file: string) => (await mammoth.convertToHtml({ path: file })).value;
/** The cells of every table in a document, row by row, as plain text. */
async function tables(file: string): Promise<string[][][]> {
  const markup = await html(file);
  return [...markup.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<t[dh](?: [^>]*)?>([\s\S]*?)<\/t[dh]>/g)].map(([, cell]) =>
        cell!
          .replace(/<[^>]+>/g, '')
          .replace(/&amp;/g, '&')
          .trim(),
      ),
    ),
  );
}

describe('handlingar build on the example meeting', () => {
  let out: string;
  let files: string[];
  beforeAll(() => {
    out = temp('build');
    const result = build(MEETING, { outDir: out });
    expect(result.stopped).toBeUndefined();
    // The kallelse packet, and the protokoll in its own folder.
    files = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(path.join(out, f)).isFile())
      .sort();
  });

  it('writes the kallelse and every bilaga of the seed packet, in agenda order', () => {
    expect(files[0]).toBe('00-kallelse.docx');
    expect(files.filter((f) => f.includes('tjansteskrivelse'))).toHaveLength(14);
    expect(files.filter((f) => f.includes('-ansokan-'))).toHaveLength(11);
    expect(files.filter((f) => f.includes('-budget-'))).toHaveLength(11);
    expect(files).toContain('16.1-bilaga-riktlinjer-allmanna-handlingar.docx');
    expect(files).toContain('05-tjansteskrivelse-vaxtkraft.docx');
    expect(files).toContain('05.1a-ansokan-vaxtkraft.docx');
    expect(files).toContain('05.1b-budget-vaxtkraft.docx');
    expect(files).toEqual([...files].sort());
  });

  it('the kallelse has day, time, place, the roster and all 19 agenda items', async () => {
    const kallelse = await text(path.join(out, '00-kallelse.docx'));
    expect(kallelse).toContain('torsdagen den 12 september 2024');
    expect(kallelse).toContain('09.00–12.00');
    expect(kallelse).toContain('Regionens hus, Uppsala, konferensrum Askholmen');
    for (const name of [
      'Marianne Alderin (M), ordförande',
      'Linnea Norell (S)',
      'Kristina Ulfsson, administratör',
      'Östhammars kommun',
    ]) {
      expect(kallelse).toContain(name);
    }
    const [agenda] = await tables(path.join(out, '00-kallelse.docx'));
    expect(agenda![0]).toEqual(['Nr', 'Ärenderubrik', 'Föredragande', 'Övriga uppgifter']);
    const rows = agenda!.slice(1);
    expect(rows.map((row) => row[0])).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    expect(rows[4]).toEqual(['5', 'Ansökan Växtkraft – Enköping', 'Annika Sandberg', 'Handling – bilaga 5–5.1']);
    expect(rows[15]![3]).toBe('Handling – bilaga 16–16.1');
    expect(rows[16]).toEqual(['17', 'ESF-ISA 2.0 godkänd ansökan', 'Karin Ekholm', 'Information']);
    expect(rows[0]![3]).toContain('Lars-Göran Björkhorn Karlson');
  });

  it('a tjänsteskrivelse has the derived att-satser and the text of the content', async () => {
    const document = await text(path.join(out, '10-tjansteskrivelse-samordnat-stod-for-arbete-eller-studier.docx'));
    expect(document).toContain('Förbundsstyrelsen föreslås besluta');
    expect(document).toContain(
      'för perioden 1 oktober år 2024 fram till 31 december år 2026, med maximalt 6\u00a0983\u00a0500 kronor.',
    );
    expect(document).toContain(
      'Sökt belopp var 8\u00a0315\u00a0500 kronor; efter föreslagen justering blir det 6\u00a0983\u00a0500 kronor.',
    );
    expect(document).toContain('Kansliets justeringar');
    expect(document).toContain('−1\u00a0332\u00a0000\u00a0kr');
    expect(await html(path.join(out, '05-tjansteskrivelse-vaxtkraft.docx'))).toContain('<em>Växtkraft – Enköping</em>');
  });

  it('ärende 4 shows the derived sammanställning, ärende 3 the derived economy table', async () => {
    const [summary] = await tables(path.join(out, '04-tjansteskrivelse-ansokningar-2025.docx'));
    expect(summary![0]).toEqual([
      'Namn',
      'Parter',
      'Typ av insats',
      'Målgrupp',
      'Tid för insats',
      'Ny / FL / TL',
      'Sökt, kr',
      'Efter justering, kr',
    ]);
    expect(summary).toHaveLength(1 + 11 + 2);
    expect(summary!.at(-2)).toEqual(['Summa', '53\u00a0847\u00a0710', '52\u00a0502\u00a0710']);
    const prose = await text(path.join(out, '04-tjansteskrivelse-ansokningar-2025.docx'));
    expect(prose).toContain('Kansliet har tagit emot 11 ansökningar: 8 individinsatser och 3 strukturinsatser.');
    const [economy] = await tables(path.join(out, '03-tjansteskrivelse-ekonomisk-information.docx'));
    expect(economy![0]).toEqual([
      '',
      'Budget 2024',
      'Prognos 2024',
      'Prel 2025',
      'Prel 2026',
      'Prel 2027',
      'Prel 2028',
    ]);
    expect(economy!.find((row) => row[0] === 'Kvarvarande beslutsutrymme')).toEqual([
      'Kvarvarande beslutsutrymme',
      '3\u00a0401',
      '4\u00a0830',
      '18\u00a0213',
      '34\u00a0240',
      '49\u00a0817',
      '66\u00a0340',
    ]);
    expect(await text(path.join(out, '03-tjansteskrivelse-ekonomisk-information.docx'))).toContain(
      'överskott på 6\u00a0360 tkr',
    );
  });

  it('each budgetbilaga shows every line and every year of its budget', async () => {
    const [detail, years, summary] = await tables(path.join(out, '07.1b-budget-framsteget.docx'));
    const line = detail!.find((row) => row[0] === 'Arbetskonsulent, arbetsbedömning 80%')!;
    expect(line.at(-1)).toBe('2\u00a0538\u00a0600');
    expect(detail!.find((row) => row[0] === 'Summa från Samordningsförbundet')!.at(-1)).toBe('7\u00a0526\u00a0600');
    expect(detail!.find((row) => row[0] === 'Total kostnad för insatsen')!.at(-1)).toBe('12\u00a0026\u00a0600');
    expect(years![0]).toEqual(['Post', 'Totalt', '2025', '2026', '2027', '2028']);
    expect(years!.find((row) => row[0] === 'Insatsansvarig 20%')).toEqual([
      'Insatsansvarig 20%',
      '628\u00a0000',
      '151\u00a0000',
      '155\u00a0000',
      '159\u00a0000',
      '163\u00a0000',
    ]);
    expect(summary![1]).toEqual(['Håbo kommun', '7\u00a0526\u00a0600', '4\u00a0500\u00a0000', '12\u00a0026\u00a0600']);
  });

  it('every budgetbilaga has every line of its budget and every year of its split', async () => {
    const { meetings } = check(MEETING);
    const meeting = meetings[0]!.model;
    for (const [slug, { data: ansokan }] of meeting.ansokningar) {
      const file = files.find((f) => f.endsWith(`b-budget-${slug}.docx`))!;
      const [detail, years] = await tables(path.join(out, file));
      const shown = (ore: number) => formatAmount(ore, ansokan.budget.enhet);
      const count = new Map<string, number>();
      for (const part of [ansokan.budget.rekvirera, ansokan.budget.egenfinansiering]) {
        for (const group of [part?.lön, part?.lokal, part?.övrigt]) {
          for (const line of group?.rader ?? []) {
            const note = printedRemark(line.anmärkning);
            const label = note ? `${line.post} (${note})` : line.post;
            // Two lines may have the same post; each is found in its turn.
            const seen = (count.get(label) ?? 0) + 1;
            count.set(label, seen);
            const nth = <T extends string[]>(rows: T[]) => rows.filter((cells) => cells[0] === label)[seen - 1];
            const row = nth(detail!);
            expect(row, `${file}: ${line.post}`).toBeDefined();
            expect(row!.at(-1), `${file}: ${line.post}`).toBe(shown(lineTotal(line)));
            for (const [year, value] of Object.entries(line.per_år ?? {})) {
              const yearRow = nth(years!)!;
              expect(yearRow[years![0]!.indexOf(year)], `${file}: ${line.post} ${year}`).toBe(shown(value));
            }
          }
        }
      }
    }
  });

  it('a budget in tkr is shown in tkr', async () => {
    const document = await text(path.join(out, '15.1b-budget-registerstudie-rehabiliteringskoordinatorer.docx'));
    expect(document).toContain('Belopp i tkr');
    const [detail] = await tables(path.join(out, '15.1b-budget-registerstudie-rehabiliteringskoordinatorer.docx'));
    expect(detail!.find((row) => row[0] === 'Summa från Samordningsförbundet')!.at(-1)).toBe('350');
  });

  it('rich text becomes real paragraphs, lists and italics', async () => {
    const markup = await html(path.join(out, '05.1a-ansokan-vaxtkraft.docx'));
    expect(markup).toMatch(/<ul><li>SMAIL<\/li>/);
    expect(markup).toContain('<em>Supported Education</em>');
    const riktlinjer = await html(path.join(out, '16.1-bilaga-riktlinjer-allmanna-handlingar.docx'));
    expect(riktlinjer).toContain('<strong>');
  });

  it('rebuilding gives byte-identical files', () => {
    const again = temp('again');
    build(MEETING, { outDir: again });
    for (const file of files)
      expect(readFileSync(path.join(again, file)).equals(readFileSync(path.join(out, file))), file).toBe(true);
  });

  it('no document contains "undefined" or an unfilled tag', async () => {
    for (const file of files) {
      const body = await text(path.join(out, file));
      expect(body, file).not.toMatch(/undefined|\{[#/@]?[a-zåäö_]+\}/i);
    }
  });
});

describe('build refuses what it cannot do well', () => {
  it('content that does not load stops the build and writes nothing', () => {
    const root = scratchCopy();
    edit(root, APPLICATION, 'typ: individinsats', 'typ: [individinsats');
    const out = temp('stop');
    const result = build(path.join(root, MINIMAL_MEETING), { outDir: out });
    expect(result.stopped).toBe('innehållet kan inte läsas');
    expect(readdirSync(out)).toEqual([]);
  });

  it('reconciliation errors build anyway, but not with --strict', () => {
    const root = scratchCopy();
    edit(root, APPLICATION, 'avstämning_per_år: 400 000', 'avstämning_per_år: 397 000');
    const meeting = path.join(root, MINIMAL_MEETING);
    expect(build(meeting, { outDir: temp('lenient') }).written.length).toBeGreaterThan(0);
    const strictOut = temp('strict');
    expect(build(meeting, { outDir: strictOut, strict: true }).stopped).toBe('fel i kontrollen (--strict)');
    expect(readdirSync(strictOut)).toEqual([]);
  });

  it('an output folder inside the content folder is refused', async () => {
    const root = scratchCopy();
    const io = { out: () => undefined, err: (t: string) => errors.push(t) };
    const errors: string[] = [];
    expect(await run(['build', path.join(root, MINIMAL_MEETING), '--out', path.join(root, 'ut')], io)).toBe(2);
    expect(errors.join('\n')).toContain('ligger i innehållsmappen');
    expect(existsSync(path.join(root, 'ut'))).toBe(false);
  });

  it('an override template with an unknown tag is refused, naming the tag and its paragraph', async () => {
    const root = scratchCopy();
    const zip = new PizZip(readFileSync('templates/bilaga.docx'));
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('{rubrik}', 'Rubrik: {rubrikk}'));
    cpSync(MINIMAL, root, { recursive: true });
    execFileSync('mkdir', ['-p', path.join(root, 'mallar')]);
    writeFileSync(path.join(root, 'mallar', 'tjansteskrivelse.docx'), zip.generate({ type: 'nodebuffer' }));
    const errors: string[] = [];
    const code = await run(['build', path.join(root, MINIMAL_MEETING), '--out', temp('override')], {
      out: () => undefined,
      err: (t) => errors.push(t),
    });
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain(
      'taggen {rubrikk} finns inte i data för mallen tjansteskrivelse i stycket «Rubrik: {rubrikk}»',
    );
  });

  it('an override that is not a Word file gets a clear error', async () => {
    const root = scratchCopy();
    execFileSync('mkdir', ['-p', path.join(root, 'mallar')]);
    writeFileSync(path.join(root, 'mallar', 'kallelse.docx'), 'inte en zip');
    const errors: string[] = [];
    expect(
      await run(['build', path.join(root, MINIMAL_MEETING), '--out', temp('bad')], {
        out: () => undefined,
        err: (t) => errors.push(t),
      }),
    ).toBe(1);
    expect(errors.join('\n')).toContain('inte en giltig .docx');
  });
});

describe('handlingar data and ansokningsmall', () => {
  it('data prints what each template receives, for one agenda item', async () => {
    const out: string[] = [];
    expect(await run(['data', MEETING, '--ärende', '5'], { out: (t) => out.push(t), err: () => undefined })).toBe(0);
    const { dokument: documents, härlett } = JSON.parse(out.join('\n'));
    const kr = (kronor: number) => ({ type: 'amount', ore: kronor * 100, unit: 'kr' });
    expect(härlett.sammanställning.sökt).toEqual(kr(53_847_710));
    expect(härlett.sammanställning.beviljat).toEqual(kr(52_502_710));
    expect(härlett.sammanställning.rader[0]).toMatchObject({
      insats: 'Växtkraft – Enköping',
      sökt: kr(8_260_000),
      källa: 'content/moten/2024-09-12/ansokningar/vaxtkraft.yaml:60',
    });
    expect(härlett.ekonomisk_information.rader.every((row: { källa: string }) => row.källa.length > 0)).toBe(true);
    expect(härlett.siffror.vaxtkraft.totalt_sökt).toEqual({
      value: kr(53_847_710),
      källa: expect.stringContaining('ansokningar/'),
    });
    // The model knows no format: no OOXML or HTML anywhere in it.
    expect(out.join('\n')).not.toMatch(/<w:|<\/?(p|table|h\d)>/);
    expect(documents.map((d: { dokument: string }) => d.dokument)).toEqual([
      '05-tjansteskrivelse-vaxtkraft',
      '05.1a-ansokan-vaxtkraft',
      '05.1b-budget-vaxtkraft',
    ]);
    expect(documents[1].data.sökt).toEqual({ ...kr(8_260_000), named: true });
  });

  it("ansokningsmall writes a blank form with the förbund's agreement text", async () => {
    const file = path.join(temp('mall'), 'ansokningsmall.docx');
    expect(await run(['ansokningsmall', '--out', file], { out: () => undefined, err: () => undefined })).toBe(0);
    const body = await text(file);
    expect(body).toContain('Ansökan om finansiering av samverkansinsats');
    expect(body).toContain('Arbetsgivaransvar');
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice)
  console.warn(
    '\n⚠ LibreOffice (soffice) saknas: PDF-konverteringstestet hoppas över. Installera: apt-get install libreoffice-writer-nogui\n',
  );

describe.skipIf(!soffice)('LibreOffice', () => {
  it('converts every generated document of the example meeting to PDF without error', () => {
    const out = temp('pdf');
    build(MEETING, { outDir: out });
    const documents = readdirSync(out).filter((f) => f.endsWith('.docx'));
    const profile = temp('lo-profile');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        ...documents.map((f) => path.join(out, f)),
      ],
      { stdio: 'pipe', timeout: 300_000 },
    );
    for (const document of documents)
      expect(existsSync(path.join(out, document.replace(/\.docx$/, '.pdf'))), document).toBe(true);
  });
});

describe('the built-in templates', () => {
  it.each(['kallelse', 'tjansteskrivelse', 'ansokan', 'budget', 'bilaga'] as const)(
    '%s.docx is what templates/generate.ts makes',
    async (kind) => {
      const { generateTemplate } = await import('../templates/generate.js');
      expect((await generateTemplate(kind)).equals(readFileSync(`templates/${kind}.docx`))).toBe(true);
    },
  );
  it.each(['kallelse', 'tjansteskrivelse', 'ansokan', 'budget', 'bilaga'] as const)(
    '%s.docx uses only tags its data has',
    async (kind) => {
      const { checkTemplateTags } = await import('../engine/writers/docx/template.js');
      expect(checkTemplateTags(kind, readFileSync(`templates/${kind}.docx`))).toEqual([]);
    },
  );
});

describe('content that is not a form', () => {
  it('a bilaga file is copied into the packet at its place', () => {
    const root = scratchCopy();
    attachPlan(root, tinyPdf());
    const out = temp('copy');
    const result = build(path.join(root, MINIMAL_MEETING), { outDir: out });
    expect(result.check.findings).toEqual([]);
    expect(readdirSync(out)).toContain('02.2-bilaga-lyftet.pdf');
    expect(readFileSync(path.join(out, '02.2-bilaga-lyftet.pdf'), 'utf8')).toBe(tinyPdf());
  });

  it('text with braces, angle brackets, ampersands and quotes comes out literally', async () => {
    const root = scratchCopy();
    const literal = 'Mallens {rubrik} och {@rå} och <b>fet</b> & "citat" \'enkla\'';
    edit(
      root,
      `${MINIMAL_MEETING}/arenden/lyftet.yaml`,
      'ärendet: Testa kommun söker medel för *Lyftet*.',
      `ärendet: ${JSON.stringify(literal)}`,
    );
    const out = temp('literal');
    build(path.join(root, MINIMAL_MEETING), { outDir: out });
    expect(await text(path.join(out, '02-tjansteskrivelse-lyftet.docx'))).toContain(literal);
  });

  it('an override template with known tags is used instead of the built-in one', async () => {
    const root = scratchCopy();
    const zip = new PizZip(readFileSync('templates/kallelse.docx'));
    zip.file(
      'word/document.xml',
      zip.file('word/document.xml')!.asText().replace('Välkomna!', 'Välkomna till Testlän!'),
    );
    execFileSync('mkdir', ['-p', path.join(root, 'mallar')]);
    writeFileSync(path.join(root, 'mallar', 'kallelse.docx'), zip.generate({ type: 'nodebuffer' }));
    const out = temp('own');
    build(path.join(root, MINIMAL_MEETING), { outDir: out });
    expect(await text(path.join(out, '00-kallelse.docx'))).toContain('Välkomna till Testlän!');
  });
});
