// The layout the Word writer gives the model: column widths from content, draft marks while
// check has errors, notes for the handläggare kept out of print, rows tall enough to sign in.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../schemas/document.js';
import { FIGURES, ONE_LINE, row, table, TEXT, textCell } from '../engine/documents/blocks.js';
import { check } from '../engine/index.js';
import { build } from '../engine/output/build.js';
import { columnWidths, textWidth } from '../engine/writers/docx/columns.js';
import { MINIMAL, MINIMAL_MEETING, scratchCopy } from './helpers.js';

const MEETING = 'content/moten/2024-09-12';
type Table = Extract<Block, { type: 'table' }>;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const lines = (...texts: string[][]) =>
  texts.map((cells) =>
    row(
      'line',
      cells.map((t) => textCell(t)),
    ),
  );

describe('column widths from content', () => {
  it('measures with the font: a wide letter is wider than a narrow one, bold wider than regular', () => {
    expect(textWidth('WWW', false)).toBeGreaterThan(textWidth('iii', false));
    expect(textWidth('Arbetsförmedlingen', true)).toBeGreaterThan(textWidth('Arbetsförmedlingen', false));
  });

  it('gives every column at least its longest word and fills the page exactly', () => {
    const block = table(
      [TEXT, TEXT, FIGURES],
      lines(
        ['rehabiliteringskoordinator inom psykiatrisk specialistsjukvård', 'AF', '10 256 000'],
        ['kort', 'Försäkringskassan', '1'],
      ),
    ) as Table;
    const widths = columnWidths(block, 9026);
    expect(sum(widths)).toBe(9026);
    expect(widths[0]).toBeGreaterThan(textWidth('rehabiliteringskoordinator', false));
    expect(widths[1]).toBeGreaterThan(textWidth('Försäkringskassan', false));
    // A no-break space keeps a figure whole.
    expect(widths[2]).toBeGreaterThan(textWidth('10 256 000', false));
  });

  it('keeps a one-line column on one line and wraps the others instead', () => {
    const long = 'Ett långt stycke text som gärna får brytas över flera rader i sin cell utan problem alls';
    const block = table([TEXT, ONE_LINE], lines([long, 'Annika Sandberg'])) as Table;
    const [, name] = columnWidths(block, 6000);
    expect(name).toBeGreaterThan(textWidth('Annika Sandberg', false));
  });

  it('gives the rest of the page to the columns whose text would otherwise wrap', () => {
    const block = table([TEXT, TEXT], lines(['en mening med många ord som behöver plats', 'x'])) as Table;
    const [wide, narrow] = columnWidths(block, 9026);
    expect(wide!).toBeGreaterThan(narrow! * 5);
  });

  it('scales the minimum down only when even the longest words cannot fit', () => {
    const word = 'Samordningsförbundsstyrelseledamot';
    const block = table([TEXT, TEXT, TEXT], lines([word, word, word])) as Table;
    const widths = columnWidths(block, 3000);
    expect(sum(widths)).toBe(3000);
    expect(new Set(widths.slice(0, 2)).size).toBe(1);
  });
});

/** The text of each paragraph of a Word file's body, in order. */
function paragraphs(file: string): string[] {
  const xml = new PizZip(readFileSync(file)).file('word/document.xml')!.asText();
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean);
}

describe('the example built while check has errors', () => {
  let out: string;
  let errors: number;
  let generated: string[];
  beforeAll(() => {
    out = path.join(scratchCopy(), 'ut');
    errors = check(MEETING).findings.filter((f) => f.severity === 'fel').length;
    generated = build(MEETING, { outDir: out, html: true })
      .documents.filter(({ document }) => !document.copyFrom)
      .map(({ file }) => file);
  });

  it('opens every Word document and every page with «UTKAST – kontrollen har N fel»', () => {
    expect(errors).toBeGreaterThan(0);
    expect(generated.length).toBeGreaterThan(30);
    for (const file of generated) expect(paragraphs(file)[0], file).toBe(`UTKAST – kontrollen har ${errors} fel`);
    for (const file of readdirSync(out).filter((f) => f.endsWith('.html')))
      expect(readFileSync(path.join(out, file), 'utf8'), file).toContain(`UTKAST – kontrollen har ${errors} fel`);
  });

  it('prints a line note only when it is marked skrivs_ut, never the handläggare’s own notes', () => {
    const text = readdirSync(out)
      .filter((f) => f.endsWith('.docx'))
      .flatMap((f) => paragraphs(path.join(out, f)))
      .join('\n');
    expect(text).toContain('Handläggare från samverkanspart (deltagande enligt ansökan)');
    for (const internal of ['står i kolumnen', 'raden heter', 'inget belopp angivet', 'ej angivet'])
      expect(text).not.toContain(internal);
  });

  it('gives each signature row room to sign in (at least 1,2 cm)', () => {
    const xml = new PizZip(readFileSync(path.join(out, '05.1a-ansokan-vaxtkraft.docx')))
      .file('word/document.xml')!
      .asText();
    const signatureRows = xml.split('</w:tr>').filter((r) => r.includes('<w:trHeight w:val="680" w:hRule="atLeast"/>'));
    expect(signatureRows).toHaveLength(4);
  });
});

describe('content without errors', () => {
  it('is built without a draft mark', () => {
    const root = scratchCopy(MINIMAL);
    expect(check(path.join(root, MINIMAL_MEETING)).findings.filter((f) => f.severity === 'fel')).toEqual([]);
    const out = path.join(scratchCopy(), 'ut');
    build(path.join(root, MINIMAL_MEETING), { outDir: out });
    for (const file of readdirSync(out).filter((f) => f.endsWith('.docx')))
      expect(paragraphs(path.join(out, file)).join('\n'), file).not.toContain('UTKAST');
  });
});
