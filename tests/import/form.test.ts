// The ansökningsmall as a Word form: its content controls, read back by importera, and the
// forms importera refuses with a clear message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { run } from '../../engine/cli.js';
import { applicationForm, fieldsByTitle } from '../../engine/import/form-docx.js';
import { readApplicationForm } from '../../engine/import/read-docx.js';
import { loadForbundOnly } from '../../engine/output/blank.js';
import { EXAMPLE } from '../helpers.js';
import { EXAMPLE_ANSOKNINGAR, filledWorkbook, loadAnsokan } from './roundtrip-util.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'handlingar-form-'));
const forbund = loadForbundOnly(EXAMPLE)!;
const documentXml = (bytes: Buffer) => new PizZip(bytes).file('word/document.xml')!.asText();

async function capture(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('handlingar ansokningsmall: a form of content controls', () => {
  it('tags every field with its schema path, the same bytes every time', async () => {
    const dir = tmp();
    const file = path.join(dir, 'mall.docx');
    expect((await capture(['ansokningsmall', '--out', file])).code).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.equals(applicationForm(forbund, path.resolve('content')))).toBe(true);
    const xml = documentXml(bytes);
    const tags = [...xml.matchAll(/<w:tag w:val="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(tags).toEqual(
      expect.arrayContaining([
        'insats',
        'typ',
        'ansökningstyp',
        'målgrupp.beskrivning',
        'period.från',
        'period.till',
        'syfte',
        'mål.effektmål',
        'mål.resultatmål.0',
        'lokal_grupp.diskuterad',
        'finansiering.ansökt',
        'underskrifter.0.namn',
        'underskrifter.3.organisation',
      ]),
    );
    expect(xml).toContain('<w:dropDownList><w:listItem w:displayText="individinsats"');
    expect(xml).toContain('<w14:checkbox>');
    expect(xml).toContain('<w:dateFormat w:val="yyyy-MM-dd"/>');
    expect(xml).not.toMatch(/\u27e6/);
    // A blank form imports as nothing but its preset answers.
    const read = await readApplicationForm(bytes, { name: 'mall.docx' });
    expect(read.findings).toEqual([]);
    expect(read.value.insats).toBeUndefined();
    expect(read.value.underskrifter).toBeUndefined();
  });

  it('reads a filled form back with the control’s title as the source', async () => {
    const a = loadAnsokan(path.join(EXAMPLE_ANSOKNINGAR, 'framsteget.yaml'));
    const read = await readApplicationForm(applicationForm(forbund, EXAMPLE, a), { name: 'ansokan.docx' });
    expect(read.value.insats).toBe('Framsteget');
    expect(read.value.samverkansparter).toEqual(['Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala']);
    expect(read.value.finansiering).toEqual({ ansökt: '7 527', enhet: 'tkr' });
    expect(read.sources.get('insats')).toBe('ansokan.docx «Insatsens namn»');
  });
});

describe('forms importera refuses, with a message and exit code 1', () => {
  it('a form whose controls were deleted', async () => {
    const dir = tmp();
    const zip = new PizZip(applicationForm(forbund, EXAMPLE));
    const xml = zip.file('word/document.xml')!.asText();
    // Deleting a control keeps its text but drops the w:sdt around it.
    zip.file(
      'word/document.xml',
      xml.replace(/<w:sdtPr>[\s\S]*?<\/w:sdtPr>/g, '').replace(/<\/?w:sdt(Content)?>/g, ''),
    );
    const file = path.join(dir, 'ansokan.docx');
    writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
    const { code, out, err } = await capture(['importera', file, '--till', dir]);
    expect(code).toBe(1);
    expect(out).toContain('[import.fil]');
    expect(out).toContain('har inga ifyllnadsfält (innehållskontroller) kvar');
    expect(err).toContain('inget importerades');
  });

  it('an old .doc, and a file that is no Word document', async () => {
    const dir = tmp();
    const doc = path.join(dir, 'ansokan.doc');
    writeFileSync(
      doc,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]),
    );
    const old = await capture(['importera', doc, '--till', dir]);
    expect(old.code).toBe(1);
    expect(old.out).toContain('gamla Word-formatet (.doc)');
    const txt = path.join(dir, 'ansokan.txt');
    writeFileSync(txt, 'text');
    const wrong = await capture(['importera', txt, '--till', dir]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('kan bara importera Word-ansökningar (.docx) och Excel-budgetar (.xlsx)');
  });

  it('imports the form and the budget of one ansökan into one file from the command line', async () => {
    const dir = tmp();
    const a = loadAnsokan(path.join(EXAMPLE_ANSOKNINGAR, 'min-framtid.yaml'));
    writeFileSync(path.join(dir, 'ansokan.docx'), applicationForm(forbund, EXAMPLE, a));
    writeFileSync(path.join(dir, 'budget.xlsx'), await filledWorkbook(a));
    const { code, out } = await capture([
      'importera',
      path.join(dir, 'ansokan.docx'),
      path.join(dir, 'budget.xlsx'),
      '--till',
      dir,
    ]);
    expect(code).toBe(0);
    const written = /^ {2}(\S+\.yaml)$/m.exec(out)?.[1];
    const text = readFileSync(path.resolve(written!), 'utf8');
    expect(text).toContain('# källa: ansokan.docx «Syfte»');
    expect(text).toContain('# källa: budget.xlsx Budget!');
  });
});

const soffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (!soffice) console.warn('\n⚠ LibreOffice (soffice) saknas: testet att ansökningsmallen öppnas hoppas över.\n');

describe.skipIf(!soffice)('the form in LibreOffice', () => {
  it('opens and converts to PDF', () => {
    const dir = tmp();
    const file = path.join(dir, 'ansokningsmall.docx');
    writeFileSync(file, applicationForm(forbund, EXAMPLE));
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status).toBe(0);
    expect(existsSync(path.join(dir, 'ansokningsmall.pdf'))).toBe(true);
  });

  it('a filled form saved by LibreOffice, which drops the tags, is read by its fields’ titles', async () => {
    const dir = tmp();
    const a = loadAnsokan(path.join(EXAMPLE_ANSOKNINGAR, 'framsteget.yaml'));
    const input = path.join(dir, 'in', 'ansokan.docx');
    mkdirSync(path.dirname(input));
    writeFileSync(input, applicationForm(forbund, EXAMPLE, a));
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo')).href}`,
        '--headless',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        dir,
        input,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status).toBe(0);
    const read = await readApplicationForm(readFileSync(path.join(dir, 'ansokan.docx')), {
      name: 'ansokan.docx',
      titles: fieldsByTitle(forbund),
    });
    expect(read.value.insats).toBe('Framsteget');
    expect(read.value.syfte).toBe(a.syfte);
    expect(read.value.finansiering).toEqual({ ansökt: '7 527', enhet: 'tkr' });
    expect((read.value.underskrifter as { namn: string }[]).map((s) => s.namn)).toEqual(
      a.underskrifter.map((s) => s.namn),
    );
  });
});
