// The meeting packet as one PDF (needs LibreOffice; skipped with a visible message without it).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../engine/cli.js';
import { attachPlan, MINIMAL_MEETING, scratchCopy } from './helpers.js';

const soffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (!soffice)
  console.warn(
    '\n⚠ LibreOffice (soffice) saknas: PDF-paketets tester hoppas över. Installera: apt-get install libreoffice-writer-nogui poppler-utils\n',
  );

const MEETING = 'content/moten/2024-09-12';
const temp = (prefix: string) => mkdtempSync(path.join(tmpdir(), `handlingar-${prefix}-`));

interface Bookmark {
  title: string;
  children: Bookmark[];
}

/** The bookmarks of the bilagor under an ärende (the others are the document's own headings). */
const bilagor = (bookmark: Bookmark) => bookmark.children.filter((c) => /^\d+\.\d+ /.test(c.title)).map((c) => c.title);

/** The PDF's outline, read back from its dictionaries. */
function outline(document: PDFDocument): Bookmark[] {
  const read = (first: unknown): Bookmark[] => {
    const items: Bookmark[] = [];
    let ref = first;
    while (ref) {
      const item = document.context.lookup(ref as never) as PDFDict;
      const title = item.get(PDFName.of('Title')) as PDFHexString | PDFString;
      items.push({ title: title.decodeText(), children: read(item.get(PDFName.of('First'))) });
      ref = item.get(PDFName.of('Next'));
    }
    return items;
  };
  const root = document.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  return read(root.get(PDFName.of('First')));
}

const pageText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });

describe.skipIf(!soffice)('handlingar build --pdf', () => {
  let out: string;
  let packet: string;
  let document: PDFDocument;
  const lines: string[] = [];
  beforeAll(async () => {
    out = temp('packet');
    const code = await run(['build', MEETING, '--out', out, '--pdf'], {
      out: (t) => lines.push(t),
      err: (t) => lines.push(t),
    });
    expect(code).toBe(0);
    packet = path.join(out, 'handlingar-2024-09-12.pdf');
    document = await PDFDocument.load(readFileSync(packet));
  }, 300_000);

  it('shows progress per document and the page count', () => {
    // The kallelse packet's 38 documents, then the protokoll's: the protokoll, the anslagsbevis
    // and 14 protokollsutdrag.
    const converted = lines.filter((line) => line.startsWith('  pdf  '));
    expect(converted).toHaveLength(38 + 16);
    expect(converted.slice(38).every((line) => /protokoll|anslagsbevis|utdrag/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/handlingar-2024-09-12\.pdf \(\d+ sidor\), .*protokoll-2024-09-12\.pdf \(\d+ sidor\)/);
  });

  it('has one bookmark per document, following the föredragningslista', () => {
    const bookmarks = outline(document);
    expect(bookmarks[0]!.title).toBe('Kallelse');
    expect(bookmarks.slice(1).map((b) => b.title.split('.')[0])).toEqual([
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
    ]);
    const vaxtkraft = bookmarks.find((b) => b.title.startsWith('5. '))!;
    expect(vaxtkraft.title).toBe('5. Ansökan Växtkraft – Enköping');
    expect(bilagor(vaxtkraft)).toEqual(['5.1 Ansökan', '5.1 Budget']);
    const riktlinjer = bookmarks.find((b) => b.title.startsWith('16. '))!;
    expect(bilagor(riktlinjer)).toEqual([
      '16.1 Riktlinjer för utlämnande av allmänna handlingar i elektronisk form och på papper',
    ]);
  });

  it('numbers every page through the packet and marks each page of a bilaga', () => {
    const total = document.getPageCount();
    expect(pageText(packet, 1)).toContain(`Sida 1 av ${total}`);
    expect(pageText(packet, 1)).not.toContain('Bilaga');
    expect(pageText(packet, total)).toContain(`Sida ${total} av ${total}`);
    // The kallelse comes first and is no bilaga; every page after it carries its bilaga's number.
    const marked = Array.from({ length: total }, (_, i) => /Bilaga \d+(\.\d+)?/.test(pageText(packet, i + 1)));
    const firstBilaga = marked.indexOf(true);
    expect(firstBilaga).toBeGreaterThan(0);
    expect(pageText(packet, firstBilaga + 1)).toContain('Bilaga 3');
    expect(marked.slice(0, firstBilaga).every((m) => !m)).toBe(true);
    expect(marked.slice(firstBilaga).every(Boolean)).toBe(true);
  });

  it('has as many pages as the documents it was made of, in their order', () => {
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.docx'));
    expect(pdfs[0]).toBe('00-kallelse.docx');
    const firstOfVaxtkraft = outline(document).findIndex((b) => b.title.startsWith('5. '));
    expect(firstOfVaxtkraft).toBeGreaterThan(0);
    expect(pageText(packet, 1)).toContain('Kallelse till förbundsstyrelsens sammanträde');
  });

  it('sets title and language', () => {
    expect(document.getTitle()).toBe('Handlingar till förbundsstyrelsens sammanträde 2024-09-12');
    expect(document.catalog.get(PDFName.of('Lang'))?.toString()).toContain('sv-SE');
  });

  it('is reproducible: a second build gives the same bytes', async () => {
    const again = temp('packet-again');
    expect(await run(['build', MEETING, '--out', again, '--pdf'], { out: () => undefined, err: () => undefined })).toBe(
      0,
    );
    expect(readFileSync(path.join(again, 'handlingar-2024-09-12.pdf')).equals(readFileSync(packet))).toBe(true);
  }, 300_000);
});

describe('without LibreOffice', () => {
  it('says what to install, and writes no packet', async () => {
    const errors: string[] = [];
    const out = temp('nolo');
    const path_ = process.env.PATH;
    process.env.PATH = '/nonexistent';
    let code: number;
    try {
      code = await run(['build', MEETING, '--out', out, '--pdf'], { out: () => undefined, err: (t) => errors.push(t) });
    } finally {
      process.env.PATH = path_;
    }
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('apt-get install libreoffice-writer-nogui');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe.skipIf(!soffice)('an attached PDF bilaga', () => {
  it('is merged at its place, bookmarked and marked', async () => {
    const root = scratchCopy();
    const attachment = await PDFDocument.create();
    const page = attachment.addPage();
    page.drawText('Projektplanens text', { x: 72, y: 700, font: await attachment.embedFont(StandardFonts.Helvetica) });
    attachPlan(root, await attachment.save());
    const out = temp('attached');
    const errors: string[] = [];
    expect(
      await run(['build', path.join(root, MINIMAL_MEETING), '--out', out, '--pdf'], {
        out: () => undefined,
        err: (t) => errors.push(t),
      }),
    ).toBe(0);
    // pdf-lib's test page is neither tagged nor has its font embedded: the build says so.
    expect(errors.join('\n')).toMatch(/VARNING: [\w.-]+\.pdf saknar taggar/);
    expect(errors.join('\n')).toContain('bäddar inte in typsnitten Helvetica');
    const packet = path.join(out, 'handlingar-2025-03-06.pdf');
    const merged = await PDFDocument.load(readFileSync(packet));
    expect(bilagor(outline(merged).find((b) => b.title.startsWith('2. '))!)).toEqual([
      '2.1 Ansökan',
      '2.1 Budget',
      '2.2 Projektplan',
    ]);
    const last = merged.getPageCount();
    expect(pageText(packet, last)).toContain('Projektplanens text');
    expect(pageText(packet, last)).toContain('Bilaga 2.2');
  }, 300_000);
});

describe.skipIf(!soffice)('a template in a font that is not installed', () => {
  it('gives a loud warning naming the document, the font and the substitute', async () => {
    const root = scratchCopy();
    const zip = new PizZip(readFileSync('templates/kallelse.docx'));
    zip.file('word/styles.xml', zip.file('word/styles.xml')!.asText().replaceAll('Carlito', 'Calibri'));
    mkdirSync(path.join(root, 'mallar'));
    writeFileSync(path.join(root, 'mallar', 'kallelse.docx'), zip.generate({ type: 'nodebuffer' }));
    const errors: string[] = [];
    expect(
      await run(['build', path.join(root, MINIMAL_MEETING), '--out', temp('calibri'), '--pdf'], {
        out: () => undefined,
        err: (t) => errors.push(t),
      }),
    ).toBe(0);
    expect(errors.join('\n')).toMatch(
      /VARNING: LibreOffice ersatte typsnitt i 00-kallelse\.docx: dokumentet anger Calibri, som inte är installerat, men PDF:en använder Carlito\b.*samma teckenbredder/,
    );
  }, 300_000);
});

describe.skipIf(!soffice)('an attached file that is no PDF', () => {
  it('is a finding of check at the line naming it; the build stops before LibreOffice starts', async () => {
    const root = scratchCopy();
    attachPlan(root, 'det här är ingen PDF');
    const errors: string[] = [];
    const out = temp('broken');
    const code = await run(['build', path.join(root, MINIMAL_MEETING), '--out', out, '--pdf'], {
      out: () => undefined,
      err: (t) => errors.push(t),
    });
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/inget skrevs: innehållet kan inte läsas/);
    expect(errors.join('\n')).not.toMatch(/\n\s+at /);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 300_000);
});
