// The template contract: every tag a template uses exists in its data, every field of the data
// is shown by the built-in template, and what is not a safe Word file is refused.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_DATA, type DocumentKindName } from '../schemas/documents.js';
import { run } from '../engine/cli.js';
import { checkTemplateTags, templateTags } from '../engine/writers/docx/template.js';
import { openDocx } from '../engine/writers/docx/zip.js';

const KINDS = Object.keys(DOCUMENT_DATA) as DocumentKindName[];
const temp = () => mkdtempSync(path.join(tmpdir(), 'handlingar-mall-'));

/** Every field name of a template's data, nested lists included. */
function fieldNames(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape ?? {};
  return Object.entries(shape).flatMap(([name, field]) => {
    const element = (field as { element?: unknown }).element;
    return [name, ...(element ? fieldNames(element) : [])];
  });
}

describe('built-in templates', () => {
  it.each(KINDS)('%s shows every field of its data', (kind) => {
    const used = new Set(templateTags(readFileSync(`templates/${kind}.docx`)).map((use) => use.tag));
    expect(fieldNames(DOCUMENT_DATA[kind]).filter((name) => !used.has(name))).toEqual([]);
  });
});

/** A copy of a built-in template with one text replaced in its body. */
function variant(kind: DocumentKindName, from: string, to: string): string {
  const zip = new PizZip(readFileSync(`templates/${kind}.docx`));
  const xml = zip.file('word/document.xml')!.asText();
  expect(xml).toContain(from);
  zip.file('word/document.xml', xml.replace(from, to));
  const file = path.join(temp(), `${kind}.docx`);
  writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
  return file;
}

describe('handlingar mallar check', () => {
  const capture = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('approves a built-in template', async () => {
    expect((await capture(['mallar', 'check', 'templates/budget.docx'])).code).toBe(0);
  });

  it.each([
    [
      'kallelse',
      '{plats}',
      '{platsen}',
      'taggen {platsen} finns inte i data för mallen kallelse i stycket «Plats {platsen}»',
    ],
    [
      'tjansteskrivelse',
      '{@ärendet}',
      '{ärendet}',
      '{ärendet} är formaterad text; skriv {@ärendet} ensamt i ett stycke',
    ],
    ['kallelse', '{tid}', '{@tid}', '{@tid} förväntar sig färdig OOXML, men tid är text'],
    ['budget', '{/har_kostnader}', '', '{#har_kostnader} stängs aldrig med {/har_kostnader}'],
  ] as const)('refuses %s with %s replaced by %s', async (kind, from, to, message) => {
    const { code, out } = await capture(['mallar', 'check', variant(kind, from, to)]);
    expect(code).toBe(1);
    expect(out).toContain(message);
  });

  it('needs to know the kind of a file with another name', async () => {
    const file = path.join(temp(), 'min-mall.docx');
    writeFileSync(file, readFileSync('templates/kallelse.docx'));
    expect((await capture(['mallar', 'check', file])).code).toBe(2);
    expect((await capture(['mallar', 'check', file, '--slag', 'kallelse'])).code).toBe(0);
  });
});

describe('unsafe or broken Word files are refused with a clear error', () => {
  it('not a zip', () => {
    expect(() => openDocx(Buffer.from('inte en zip'))).toThrow('inte en giltig .docx');
  });
  it('a zip without word/document.xml', () => {
    const zip = new PizZip();
    zip.file('hej.txt', 'hej');
    expect(() => openDocx(zip.generate({ type: 'nodebuffer' }))).toThrow('saknar word/document.xml');
  });
  it('a zip bomb', () => {
    const zip = new PizZip();
    zip.file('word/document.xml', '0'.repeat(60 * 1024 * 1024));
    const bytes = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(200_000);
    expect(() => openDocx(bytes)).toThrow('mer än 50 MB');
  });
  it('checkTemplateTags says the same for an override', () => {
    expect(() => checkTemplateTags('kallelse', Buffer.from('x'))).toThrow('inte en giltig .docx');
  });
});
