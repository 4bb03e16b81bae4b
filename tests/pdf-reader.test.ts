// The packet as a reader and an archive see it, read back with poppler's tools (pdfinfo,
// pdffonts, pdftotext): tagged, PDF/A and PDF/UA identified, every font embedded and none
// substituted, a structure tree reaching every page, and no word broken across lines.
// Needs LibreOffice and poppler-utils; skipped with a visible message without them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFPage,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../engine/cli.js';
import { check } from '../engine/index.js';

const available = (command: string, ...args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const soffice = available('soffice', '--version');
const poppler = available('pdfinfo', '-v');
if (!soffice || !poppler)
  console.warn(
    '\n⚠ LibreOffice eller poppler saknas: PDF-paketets läsartester hoppas över. Installera: apt-get install libreoffice-writer-nogui poppler-utils fonts-crosextra-carlito\n',
  );

const MEETING = 'content/moten/2024-09-12';
const tool = (command: string, ...args: string[]) =>
  execFileSync(command, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' } });

/**
 * What must not end a page, from the Word documents: headings (the templates' Rubrik styles)
 * and a table's group and section rows (one cell across the whole row).
 */
function keptWithNext(dir: string): { headings: Set<string>; groups: Set<string> } {
  const headings = new Set<string>();
  const groups = new Set<string>();
  const text = (xml: string) =>
    [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('')
      .trim();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.docx'))) {
    const xml = new PizZip(readFileSync(path.join(dir, file))).file('word/document.xml')!.asText();
    for (const paragraph of xml.split('</w:p>'))
      if (/<w:pStyle w:val="Rubrik\d"\/>/.test(paragraph)) headings.add(text(paragraph));
    for (const row of xml.split('</w:tr>')) {
      const cells = row.split('<w:tc>').slice(1);
      if (cells.length === 1 && cells[0]!.includes('<w:gridSpan')) groups.add(text(cells[0]!));
    }
  }
  headings.delete('');
  groups.delete('');
  return { headings, groups };
}

/** Every word of the Word documents, lower case (text of each paragraph, runs joined). */
function wordsOfDocuments(dir: string): Set<string> {
  const words = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.docx'))) {
    const xml = new PizZip(readFileSync(path.join(dir, file))).file('word/document.xml')!.asText();
    for (const paragraph of xml.split('</w:p>')) {
      const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) words.add(word.toLowerCase());
    }
  }
  return words;
}

/**
 * Places where a line of the PDF ends in a piece of a word that goes on at the start of the
 * next line: the two pieces together are a word of the documents, the first alone is none.
 */
function brokenWords(pages: readonly string[], words: Set<string>): { page: number; at: string }[] {
  const found: { page: number; at: string }[] = [];
  pages.forEach((text, index) => {
    const lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    for (let i = 0; i + 1 < lines.length; i++) {
      const end = /[\p{L}\p{N}]+-?$/u.exec(lines[i]!)?.[0];
      const start = /^[\p{L}\p{N}]+/u.exec(lines[i + 1]!)?.[0];
      if (!end || !start) continue;
      const head = end.replace(/-$/, '');
      if (words.has((head + start).toLowerCase()) && !words.has(head.toLowerCase()))
        found.push({ page: index + 1, at: `${end}|${start}` });
    }
  });
  return found;
}

/** A page's content streams, decoded and joined. */
function contentOf(document: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents!];
  return streams
    .map((ref) =>
      Buffer.from(decodePDFRawStream(document.context.lookup(ref) as PDFRawStream).decode()).toString('latin1'),
    )
    .join('\n');
}

/** Counts a content stream's marked-content sequences and its text shown outside them. */
function markedContent(ops: string): { mcids: number; artifacts: number; untagged: number } {
  const stack: string[] = [];
  let mcids = 0;
  let untagged = 0;
  let artifacts = 0;
  for (const [, operands, operator] of ops.matchAll(/((?:\/\w+\s*(?:<<[^>]*>>|\S+)?\s*)?)\b(BDC|BMC|EMC|Tj|TJ)\b/g)) {
    if (operator === 'BDC' || operator === 'BMC') {
      const kind = operands!.includes('/Artifact') ? 'artifact' : /\/MCID/.test(operands!) ? 'mcid' : 'other';
      if (kind === 'mcid') mcids += 1;
      if (kind === 'artifact') artifacts += 1;
      stack.push(kind);
    } else if (operator === 'EMC') stack.pop();
    else if (!stack.some((kind) => kind === 'mcid' || kind === 'artifact')) untagged += 1;
  }
  return { mcids, artifacts, untagged };
}

describe.skipIf(!soffice || !poppler)('the packet, read back with poppler', () => {
  let out: string;
  let packet: string;
  let document: PDFDocument;
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'handlingar-reader-'));
    const errors: string[] = [];
    const code = await run(['build', MEETING, '--out', out, '--pdf'], {
      out: () => undefined,
      err: (t) => errors.push(t),
    });
    expect(code).toBe(0);
    // No font was substituted and no part is untagged: the build warned of nothing.
    expect(errors.filter((e) => e.includes('VARNING'))).toEqual([]);
    packet = path.join(out, 'handlingar-2024-09-12.pdf');
    document = await PDFDocument.load(readFileSync(packet));
  }, 300_000);

  it('pdfinfo: tagged, with title, author, language and the meeting as its date', () => {
    const info = tool('pdfinfo', '-isodates', packet);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Handlingar till förbundsstyrelsens sammanträde 2024-09-12$/m);
    expect(info).toMatch(/^Author:\s+Samordningsförbundet i Uppsala län$/m);
    expect(info).toMatch(/^CreationDate:\s+2024-09-12T00:00:00(Z|\+00)/m);
    expect(info).toMatch(/^ModDate:\s+2024-09-12T00:00:00(Z|\+00)/m);
    expect(info).not.toMatch(/^Producer:.*github/m); // pdf-lib's default producer is overridden
    expect(document.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(sv-SE)');
  });

  it('pdfinfo -meta: XMP identifies PDF/A-2B and PDF/UA-1, with the same title, author and date', () => {
    const xmp = tool('pdfinfo', '-meta', packet);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain(
      '<rdf:li xml:lang="x-default">Handlingar till förbundsstyrelsens sammanträde 2024-09-12</rdf:li>',
    );
    expect(xmp).toContain('<rdf:li>Samordningsförbundet i Uppsala län</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2024-09-12T00:00:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<rdf:li>sv-SE</rdf:li>');
    // PDF/A needs an output intent for the colours, and a file identifier.
    expect(document.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).size()).toBe(1);
    expect(readFileSync(packet, 'latin1')).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
  });

  it('pdffonts: every font embedded, and only the one the templates name (Carlito)', () => {
    const rows = tool('pdffonts', packet).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [name] = row.split(/\s+/);
      const columns = row.slice(37).trim().split(/\s+/);
      // name type encoding emb sub uni object ID: emb is the fifth column from the end.
      expect(columns.at(-5), row).toBe('yes');
      expect(name!.replace(/^[A-Z]{6}\+/, ''), row).toMatch(/^Carlito(-(Bold|Italic|BoldItalic))?$/);
    }
    expect(rows.join('\n')).not.toMatch(/Helvetica|DejaVu|Liberation/);
  });

  it('pdfinfo -struct: one Document, a Part per document, headings, tables and lists', () => {
    // (-struct-text would show the text too, but poppler takes 35 s for a two-page budget.)
    const struct = tool('pdfinfo', '-struct', packet);
    expect(struct.split('\n')[0]).toBe('Document');
    expect(struct.match(/^ {2}Part\b/gm)).toHaveLength(38);
    expect(struct.match(/^ {4}H1\b/gm)!.length).toBeGreaterThanOrEqual(38);
    expect(struct).toMatch(/^ {4}H2\b/m);
    expect(struct).toMatch(/^ {4}Table\b/m);
    expect(struct).toMatch(/^ {6}TR\b/m);
    expect(struct).toMatch(/^ {4}L\b/m);
  });

  it('every text on every page is tagged content or a marked artifact', () => {
    document.getPages().forEach((page, index) => {
      const { mcids, untagged, artifacts } = markedContent(contentOf(document, page));
      expect(untagged, `sidan ${index + 1}: text utanför taggat innehåll`).toBe(0);
      expect(mcids, `sidan ${index + 1}`).toBeGreaterThan(0);
      // At least the page number; a bilaga's pages also carry their number.
      expect(artifacts, `sidan ${index + 1}`).toBeGreaterThanOrEqual(1);
    });
  });

  it('every marked content on every page leads, through the ParentTree, to the element that holds it', () => {
    const nums = document.catalog
      .lookup(PDFName.of('StructTreeRoot'), PDFDict)
      .lookup(PDFName.of('ParentTree'), PDFDict)
      .lookup(PDFName.of('Nums'), PDFArray);
    const entries = new Map<number, PDFArray>();
    for (let i = 0; i < nums.size(); i += 2)
      entries.set(nums.lookup(i, PDFNumber).asNumber(), nums.lookup(i + 1, PDFArray));
    let checked = 0;
    document.getPages().forEach((page, index) => {
      const elements = entries.get(page.node.lookup(PDFName.of('StructParents'), PDFNumber).asNumber())!;
      for (const [, id] of contentOf(document, page).matchAll(/\/MCID\s+(\d+)/g)) {
        const mcid = Number(id);
        const element = elements.lookup(mcid, PDFDict);
        const kids = element.get(PDFName.of('K'));
        const holding = (kids instanceof PDFArray ? kids.asArray() : [kids])
          .map((kid) => (kid instanceof PDFRef ? document.context.lookup(kid) : kid))
          .find(
            (value) =>
              (value instanceof PDFNumber && value.asNumber() === mcid) ||
              (value instanceof PDFDict && value.get(PDFName.of('MCID'))?.toString() === String(mcid)),
          );
        expect(holding, `sidan ${index + 1}, MCID ${mcid}`).toBeDefined();
        // A marked-content reference names its own page (a paragraph that runs on to the next
        // page); otherwise the element's page is the one.
        const onPage = (holding instanceof PDFDict && holding.get(PDFName.of('Pg'))) || element.get(PDFName.of('Pg'));
        if (onPage) expect(onPage, `sidan ${index + 1}, MCID ${mcid}`).toBe(page.ref);
        checked += 1;
      }
    });
    expect(checked).toBeGreaterThan(1000);
  });

  it('every page has its entry in the ParentTree, reaching the one structure tree root', () => {
    const root = document.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
    const entries = new Map<number, PDFArray>();
    for (let i = 0; i < nums.size(); i += 2)
      entries.set(nums.lookup(i, PDFNumber).asNumber(), nums.lookup(i + 1, PDFArray));
    const rootRef = document.catalog.get(PDFName.of('StructTreeRoot')) as PDFRef;
    const keys = new Set<number>();
    document.getPages().forEach((page, index) => {
      const key = page.node.lookup(PDFName.of('StructParents'), PDFNumber).asNumber();
      expect(keys.has(key), `sidan ${index + 1}: StructParents ${key} används två gånger`).toBe(false);
      keys.add(key);
      const elements = entries.get(key)!;
      expect(elements.size(), `sidan ${index + 1}`).toBeGreaterThan(0);
      // Up from a marked element through /P: Document, then the root.
      let element = elements.lookup(0, PDFDict);
      for (let depth = 0; depth < 50 && element.get(PDFName.of('P')) !== rootRef; depth++)
        element = element.lookup(PDFName.of('P'), PDFDict);
      expect(element.get(PDFName.of('S'))).toBe(PDFName.of('Document'));
    });
    expect(root.lookup(PDFName.of('ParentTreeNextKey'), PDFNumber).asNumber()).toBeGreaterThan(Math.max(...keys));
  });

  it('keeps page labels and each document’s own bookmarks (its headings)', () => {
    const labels = document.catalog.lookup(PDFName.of('PageLabels'), PDFDict);
    expect(labels.toString()).toContain('/S /D');
    const title = (item: PDFDict) => (item.lookup(PDFName.of('Title')) as PDFHexString).decodeText();
    const kallelse = document.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookup(PDFName.of('First'), PDFDict);
    expect(title(kallelse)).toBe('Kallelse');
    // The kallelse's own headings, as LibreOffice exported them, lead to its pages in the packet.
    const heading = kallelse.lookup(PDFName.of('First'), PDFDict);
    expect(title(heading)).toBe('Förbundsstyrelsen');
    const target = heading.lookup(PDFName.of('Dest'), PDFArray).get(0);
    expect(target).toBe(document.getPages()[0]!.ref);
  });

  it('no word of the Word documents is broken across lines in the PDF', () => {
    // Two reading orders: poppler's layout analysis (which may interleave table columns) and
    // the content stream's own order (in which a cell's lines follow each other).
    const words = wordsOfDocuments(out);
    const found = [
      ...brokenWords(tool('pdftotext', packet, '-').split('\f'), words),
      ...brokenWords(tool('pdftotext', '-raw', packet, '-').split('\f'), words),
    ];
    // Column widths come from content (engine/writers/docx/columns.ts): no word breaks.
    expect(found, 'ord som bryts mitt i').toEqual([]);
  });

  it('no page ends with a heading or a group row: each stays with what follows it', () => {
    const { headings, groups } = keptWithNext(out);
    expect(headings.size).toBeGreaterThan(30);
    expect(groups.size).toBeGreaterThan(5);
    const endings = tool('pdftotext', '-layout', packet, '-')
      .split('\f')
      .slice(0, -1)
      .map((page, index) => {
        const lines = page
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line && !/^Sida \d+ av \d+$/.test(line));
        return { page: index + 1, last: lines.at(-1) ?? '' };
      });
    const stranded = endings.filter(({ last }) => headings.has(last) || groups.has(last));
    expect(stranded).toEqual([]);
  });

  it('marks every page as a draft while check has errors, and says how many', () => {
    const errors = check(MEETING).findings.filter((f) => f.severity === 'fel').length;
    expect(errors).toBeGreaterThan(0);
    const pages = tool('pdftotext', packet, '-').split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(50);
    pages.forEach((page, index) =>
      expect(page, `sidan ${index + 1}`).toContain(`UTKAST – kontrollen har ${errors} fel`),
    );
  });

  it('the Word documents carry title, author, language and the meeting date', () => {
    const core = new PizZip(readFileSync(path.join(out, '05.1b-budget-vaxtkraft.docx')))
      .file('docProps/core.xml')!
      .asText();
    expect(core).toContain('<dc:title>5.1 Budget</dc:title>');
    expect(core).toContain('<dc:creator>Samordningsförbundet i Uppsala län</dc:creator>');
    expect(core).toContain('<dc:language>sv-SE</dc:language>');
    expect(core).toContain('>2024-09-12T00:00:00Z</dcterms:created>');
    const styles = new PizZip(readFileSync(path.join(out, '00-kallelse.docx'))).file('word/styles.xml')!.asText();
    expect(styles).toContain('<w:lang w:val="sv-SE"/>');
    expect(styles).toContain('w:ascii="Carlito"');
  });
});

describe('marked-content count', () => {
  it('tells tagged text, artifacts and untagged text apart', () => {
    const ops =
      '/P <</MCID 0>> BDC BT <0102> Tj ET EMC /Artifact <</Type /Pagination>> BDC BT [<03>] TJ ET EMC BT (x) Tj ET';
    expect(markedContent(ops)).toEqual({ mcids: 1, artifacts: 1, untagged: 1 });
  });
});

describe('broken-word detection', () => {
  it('finds a word split over two lines, and not two words that happen to end and begin lines', () => {
    const words = new Set(['arbetsförmedlingen', 'region', 'uppsala', 'samordningsförbundet']);
    expect(brokenWords(['Part Arbetsförmedlin\ngen Totalt'], words)).toEqual([{ page: 1, at: 'Arbetsförmedlin|gen' }]);
    expect(brokenWords(['Samordnings-\nförbundet'], words)).toEqual([{ page: 1, at: 'Samordnings-|förbundet' }]);
    expect(brokenWords(['Region\nUppsala'], words)).toEqual([]);
  });
});
