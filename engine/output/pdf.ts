// The meeting packet as one PDF: every Word document converted by LibreOffice in a single
// process to tagged PDF/A-2B, then merged with any attached PDF bilagor in agenda order, with
// every part's structure tree (pdf-structure.ts) and bookmarks kept, the bilaga number and
// page numbers stamped as artifacts in an embedded font, page labels, and metadata from the
// meeting (pdf-metadata.ts) so that two builds give the same file.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFRef,
  ParseSpeeds,
  beginText,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  setFillingRgbColor,
  setFontAndSize,
  showText,
  type PDFArray,
  type PDFFont,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';
import {
  fontSubstitution,
  namedFonts,
  STAMP_FONT_MISSING,
  stampFontFile,
  unembeddedFonts,
  usedFonts,
} from './fonts.js';
import { setMetadata, setPlaceholderId, stampId, type PacketMetadata } from './pdf-metadata.js';
import { StructureMerger, type OutlineNode } from './pdf-structure.js';
import { writeAtomically } from './write.js';
import { UserError } from '../errors.js';
import { pdfIsEncrypted } from '../load/bilaga.js';
import { killOnInterrupt, killTree, onInterrupt } from './interrupt.js';

/** An outline item's dictionary entries, as pdf-lib's context.obj takes them. */
type OutlineEntry = Record<string, PDFObject | PDFArray | string>;

export class PdfToolError extends UserError {}

export const SOFFICE_MISSING =
  'LibreOffice (soffice) saknas, så ingen PDF kan skapas. Installera det med: sudo apt-get install libreoffice-writer-nogui';

/** Whether soffice is on the PATH (looked up, not started: starting it costs half a second). */
export function hasSoffice(): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, 'soffice'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Refuses, before anything is written, when a tool or font the packet needs is missing. */
export function assertPdfTools(): void {
  if (!hasSoffice()) throw new PdfToolError(SOFFICE_MISSING);
  if (!stampFontFile()) throw new PdfToolError(STAMP_FONT_MISSING);
}

/**
 * LibreOffice's PDF export filter: PDF/A-2B (SelectPdfVersion 2), tagged (UseTaggedPDF) and
 * checked for PDF/UA (PDFUACompliance), with bookmarks from the headings (the default).
 */
export const PDF_EXPORT_FILTER = `pdf:writer_pdf_Export:${JSON.stringify({
  SelectPdfVersion: { type: 'long', value: '2' },
  UseTaggedPDF: { type: 'boolean', value: 'true' },
  PDFUACompliance: { type: 'boolean', value: 'true' },
  ExportBookmarks: { type: 'boolean', value: 'true' },
})}`;

/**
 * Converts .docx files to PDF in one LibreOffice process with a private profile, so it
 * neither collides with a running LibreOffice nor leaves state behind. Calls `onConverted`
 * for each file as LibreOffice reports it. Rejects with a clear error after `timeoutMs`.
 */
export async function convertToPdf(
  files: readonly string[],
  outDir: string,
  onConverted: (file: string) => void,
  timeoutMs = 600_000,
): Promise<void> {
  if (files.length === 0) return;
  if (!hasSoffice()) throw new PdfToolError(SOFFICE_MISSING);
  const profile = mkdtempSync(path.join(tmpdir(), 'handlingar-lo-'));
  const forgetProfile = onInterrupt(() => rmSync(profile, { recursive: true, force: true }));
  const ownTmp = path.join(profile, 'tmp');
  mkdirSync(ownTmp);
  let forgetChild = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          PDF_EXPORT_FILTER,
          '--outdir',
          outDir,
          ...files,
        ],
        // Its own process group, so that an interrupt ends soffice.bin, which soffice starts, too.
        // Its temporary files go inside the profile, so that removing the profile removes them.
        { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, TMPDIR: ownTmp } },
      );
      forgetChild = killOnInterrupt(child);
      let pending = '';
      child.stdout.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          const converted = /^convert (.+?) -> /.exec(line.trim())?.[1];
          if (converted) onConverted(converted);
        }
      });
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
      const timer = setTimeout(() => {
        killTree(child);
        reject(new PdfToolError(`LibreOffice blev inte klart inom ${Math.round(timeoutMs / 1000)} s och avbröts`));
      }, timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new PdfToolError(`LibreOffice kunde inte startas: ${error.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new PdfToolError(`LibreOffice avslutades med kod ${code}: ${errors.trim().split('\n')[0] ?? ''}`));
      });
    });
  } finally {
    forgetChild();
    rmSync(profile, { recursive: true, force: true });
    forgetProfile();
  }
  for (const file of files) {
    const pdf = path.join(outDir, `${path.basename(file, '.docx')}.pdf`);
    if (!existsSync(pdf)) throw new PdfToolError(`LibreOffice skapade ingen PDF för ${path.basename(file)}`);
  }
}

export interface PacketPart {
  pdf: string;
  /** The Word document the PDF was converted from, to check its fonts; none for an attached PDF. */
  docx?: string;
  /** Bookmark title, as in the föredragningslista. */
  title: string;
  /** "Bilaga 5.1", stamped in a corner of each page; none for the kallelse. */
  mark?: string;
  /** A part nested under the previous top-level part (bilaga N.k under ärende N). */
  nested: boolean;
}

const LANGUAGE = 'sv-SE';

/**
 * Builds the packet one part at a time, so that parts can be added while LibreOffice is still
 * converting the next ones: a tagged PDF/A-2B file with every part's pages, structure tree and
 * bookmarks, stamps drawn in an embedded font as artifacts, page labels, and the metadata.
 */
export class PacketWriter {
  private readonly parts: PacketPart[] = [];
  private readonly starts: PDFRef[] = [];
  private readonly outlines: OutlineNode[][] = [];
  readonly warnings: string[] = [];

  private constructor(
    private readonly packet: PDFDocument,
    private readonly font: StampFont,
    private readonly structure: StructureMerger,
  ) {}

  static async create(): Promise<PacketWriter> {
    const fontFile = stampFontFile();
    if (!fontFile) throw new PdfToolError(STAMP_FONT_MISSING);
    const packet = await PDFDocument.create({ updateMetadata: false });
    packet.registerFontkit(fontkit);
    // A fixed subset tag: pdf-lib would otherwise append a number to the name.
    const font = await packet.embedFont(readFileSync(fontFile), { subset: true, customName: 'HNDLGR+Carlito' });
    return new PacketWriter(packet, new StampFont(font), new StructureMerger(packet));
  }

  /** Appends a part: its pages, structure and bookmarks, and its bilaga stamp. */
  async add(part: PacketPart): Promise<void> {
    try {
      await this.addPart(part);
    } catch (error) {
      if (error instanceof UserError) throw error;
      // pdf-lib's own errors («Expected instance of PDFDict…») name no file: this one does.
      const name = `«${part.title}» (${path.basename(part.pdf)})`;
      throw new PdfToolError(
        `${name} kan inte fogas in i paketet: PDF-filen är skadad (${error instanceof Error ? error.message : String(error)}); spara om den som PDF och bygg igen`,
      );
    }
  }

  private async addPart(part: PacketPart): Promise<void> {
    // Fastest: pdf-lib otherwise yields to the event loop every 100 objects, which here cost
    // more time waiting than parsing.
    let source: PDFDocument;
    try {
      source = await PDFDocument.load(readFileSync(part.pdf), {
        updateMetadata: false,
        parseSpeed: ParseSpeeds.Fastest,
      });
    } catch (error) {
      const reason = /encrypt/i.test(String(error)) ? 'den är krypterad' : 'den är skadad eller ingen PDF';
      throw new PdfToolError(`${path.basename(part.pdf)} kan inte fogas in i paketet: ${reason}`);
    }
    if (part.docx) {
      const warning = fontSubstitution(
        path.basename(part.docx),
        namedFonts(readFileSync(part.docx)),
        usedFonts(source),
      );
      if (warning) this.warnings.push(warning);
    } else {
      const unembedded = unembeddedFonts(source);
      if (unembedded.length > 0)
        this.warnings.push(
          `VARNING: ${path.basename(part.pdf)} bäddar inte in typsnitten ${unembedded.join(', ')}, så paketet uppfyller inte PDF/A. Exportera bilagan som PDF/A och bygg igen.`,
        );
    }
    const { pages, outline, tagged } = this.structure.add(source, part.title);
    if (pages.length === 0) throw new PdfToolError(`${path.basename(part.pdf)} har inga sidor`);
    if (!tagged)
      this.warnings.push(
        `VARNING: ${path.basename(part.pdf)} saknar taggar (struktur för skärmläsare), så paketet är inte helt tillgängligt. Exportera bilagan som taggad PDF (PDF/UA) och bygg igen.`,
      );
    this.parts.push(part);
    this.starts.push(pages[0]!.ref);
    this.outlines.push(outline);
    if (part.mark) for (const page of pages) stamp(page, part.mark, 'top', this.font);
  }

  /**
   * Numbers the pages (and marks each as a draft when `draft` is given), writes structure,
   * bookmarks and metadata, and saves; returns the page count.
   */
  async save(target: string, metadata: Omit<PacketMetadata, 'language'>, draft?: string): Promise<number> {
    const { packet } = this;
    const total = packet.getPageCount();
    packet.getPages().forEach((page, index) => {
      stamp(page, `Sida ${index + 1} av ${total}`, 'bottom', this.font);
      if (draft) stamp(page, draft, 'top-left', this.font);
    });
    this.structure.finish(LANGUAGE);
    addOutline(packet, this.parts, this.starts, this.outlines);
    // Page labels as the stamps number the pages, so that a viewer's «page 12» is «Sida 12».
    packet.catalog.set(
      PDFName.of('PageLabels'),
      packet.context.obj({ Nums: [PDFNumber.of(0), packet.context.obj({ S: 'D' })] }),
    );
    setMetadata(packet, { ...metadata, language: LANGUAGE });
    setPlaceholderId(packet);
    writeAtomically(target, stampId(await packet.save({ useObjectStreams: false, objectsPerTick: Infinity })));
    return total;
  }
}

/** Merges PDFs that already exist into one packet; returns its page count and warnings. */
export async function mergePacket(
  parts: readonly PacketPart[],
  target: string,
  metadata: Omit<PacketMetadata, 'language'>,
): Promise<{ pages: number; warnings: string[] }> {
  const writer = await PacketWriter.create();
  for (const part of parts) await writer.add(part);
  return { pages: await writer.save(target, metadata), warnings: writer.warnings };
}

/**
 * The stamps' font with each character's glyph and width kept: pdf-lib lays out every string
 * anew with fontkit, which for two stamps on each of 76 pages cost more than the stamps
 * themselves. The stamps have no ligatures or kerning to lose.
 */
class StampFont {
  private readonly glyphs = new Map<string, { hex: string; width: number }>();
  private readonly keys = new WeakMap<PDFPage, PDFName>();
  constructor(readonly font: PDFFont) {
    // Every character of the stamps, laid out once while LibreOffice starts (fontkit's first
    // layout is its slowest).
    for (const char of 'Sida avBilg0123456789.') this.glyph(char);
  }

  private glyph(char: string) {
    let glyph = this.glyphs.get(char);
    if (!glyph) {
      // encodeText also records the glyph for the font subset.
      glyph = { hex: this.font.encodeText(char).asString(), width: this.font.widthOfTextAtSize(char, 1) };
      this.glyphs.set(char, glyph);
    }
    return glyph;
  }

  width(text: string, size: number): number {
    return [...text].reduce((sum, char) => sum + this.glyph(char).width, 0) * size;
  }

  encode(text: string): PDFHexString {
    return PDFHexString.of([...text].map((char) => this.glyph(char).hex).join(''));
  }

  /** The page's resource name for the font, added once per page. */
  key(page: PDFPage): PDFName {
    let key = this.keys.get(page);
    if (!key) {
      key = page.node.newFontDictionary(this.font.name, this.font.ref);
      this.keys.set(page, key);
    }
    return key;
  }
}

/**
 * Draws a stamp (bilaga number, page number) as an artifact: pagination that a screen reader
 * skips, outside the structure tree, in the embedded font.
 */
function stamp(page: PDFPage, text: string, where: 'top' | 'top-left' | 'bottom', font: StampFont) {
  const size = 8;
  const { width, height } = page.getSize();
  const x = where === 'top-left' ? 36 : width - 36 - font.width(text, size);
  const y = where === 'bottom' ? 16 : height - 22;
  page.pushOperators(
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
      PDFName.of('Artifact'),
      // An inline property list; pdf-lib's operator type does not list dictionaries, but writes them.
      page.doc.context.obj({ Type: 'Pagination', Subtype: where === 'bottom' ? 'Footer' : 'Header' }) as never,
    ]),
    pushGraphicsState(),
    beginText(),
    setFontAndSize(font.key(page), size),
    setFillingRgbColor(0.25, 0.25, 0.25),
    moveText(x, y),
    showText(font.encode(text)),
    endText(),
    popGraphicsState(),
    PDFOperator.of(PDFOperatorNames.EndMarkedContent),
  );
}

/**
 * Bookmarks: one per part, with the part's own bookmarks (its headings) under it and then
 * the bilagor nested under their ärende.
 */
function addOutline(
  packet: PDFDocument,
  parts: readonly PacketPart[],
  starts: readonly PDFRef[],
  own: readonly OutlineNode[][],
) {
  const nodes: OutlineNode[] = parts.map((part, index) => ({
    title: part.title,
    dest: packet.context.obj([starts[index]!, PDFName.of('Fit')]),
    // A document whose bookmarks hang under one heading (its title) lists that heading's
    // children: the part's own bookmark already stands for the title.
    children: own[index]!.length === 1 ? [...own[index]![0]!.children] : [...own[index]!],
  }));
  const topLevel: OutlineNode[] = [];
  parts.forEach((part, index) => {
    const parent = part.nested ? topLevel.at(-1) : undefined;
    if (parent) parent.children.push(nodes[index]!);
    else topLevel.push(nodes[index]!);
  });
  const context = packet.context;
  const refs = new Map<OutlineNode, PDFRef>();
  const allocate = (list: OutlineNode[]) =>
    list.forEach((node) => {
      refs.set(node, context.nextRef());
      allocate(node.children);
    });
  allocate(topLevel);
  const partNodes = new Set(nodes);
  // Writes a list of siblings; returns how many items it shows. An ärende's bookmark is open
  // (its bilagor show); a document's own headings start closed.
  const write = (siblings: OutlineNode[], parentRef: PDFRef): number => {
    let visible = 0;
    siblings.forEach((node, position) => {
      visible += 1;
      const entries: OutlineEntry = { Title: PDFHexString.fromText(node.title), Parent: parentRef, Dest: node.dest };
      if (position > 0) entries.Prev = refs.get(siblings[position - 1]!)!;
      if (position < siblings.length - 1) entries.Next = refs.get(siblings[position + 1]!)!;
      if (node.children.length > 0) {
        const inner = write(node.children, refs.get(node)!);
        const open = node.children.some((child) => partNodes.has(child));
        Object.assign(entries, {
          First: refs.get(node.children[0]!)!,
          Last: refs.get(node.children.at(-1)!)!,
          Count: PDFNumber.of(open ? inner : -inner),
        });
        if (open) visible += inner;
      }
      context.assign(refs.get(node)!, context.obj(entries));
    });
    return visible;
  };
  const rootRef = context.nextRef();
  const count = write(topLevel, rootRef);
  context.assign(
    rootRef,
    context.obj({
      Type: 'Outlines',
      First: refs.get(topLevel[0]!)!,
      Last: refs.get(topLevel.at(-1)!)!,
      Count: PDFNumber.of(count),
    }),
  );
  packet.catalog.set(PDFName.of('Outlines'), rootRef);
  packet.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * The packet of a build: converts its Word documents (and .docx bilagor) in one LibreOffice
 * run, then merges everything into handlingar-<date>.pdf in the output folder.
 */
export async function buildPacket(
  documents: readonly {
    file: string;
    document: { name: string; title: string; bilaga?: string; copyFrom?: string; draft?: string };
  }[],
  outDir: string,
  metadata: Omit<PacketMetadata, 'language'>,
  onConverted: (file: string) => void,
  /** The packet's file name in outDir; the kallelse packet's by default. */
  fileName = `handlingar-${metadata.date}.pdf`,
): Promise<{ file: string; pages: number; warnings: string[]; timing: { conversion: number; total: number } }> {
  const started = performance.now();
  const work = mkdtempSync(path.join(tmpdir(), 'handlingar-pdf-'));
  const forgetWork = onInterrupt(() => rmSync(work, { recursive: true, force: true }));
  try {
    const toConvert = documents.filter(({ file }) => file.endsWith('.docx')).map(({ file }) => path.resolve(file));
    const parts: PacketPart[] = documents.map(({ file, document }) => ({
      ...(file.endsWith('.docx')
        ? { pdf: path.join(work, `${path.basename(file, '.docx')}.pdf`), docx: path.resolve(file) }
        : { pdf: decryptedIfNeeded(file, work) }),
      title: document.title,
      // A generated document names its bilaga in its own header; an attached file gets a stamp.
      ...(document.bilaga && document.copyFrom ? { mark: `Bilaga ${document.bilaga}` } : {}),
      nested: document.bilaga?.includes('.') ?? false,
    }));
    // LibreOffice converts the files in the order given and announces each one as it starts
    // it, so a file is complete when the next is announced. Each complete part is merged
    // while LibreOffice works on the next, in agenda order; the writer (pdf-lib, fontkit, the
    // embedded font) is made ready while LibreOffice starts.
    const complete = new Set<string>();
    let next = 0;
    let writer: PacketWriter | undefined;
    let merging: Promise<void> | undefined;
    const mergeReady = () => {
      merging = merging!.then(async () => {
        while (next < parts.length && (!parts[next]!.docx || complete.has(parts[next]!.docx!))) {
          await writer!.add(parts[next]!);
          next += 1;
        }
      });
      merging.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    };
    let announced: string | undefined;
    const converting = convertToPdf(toConvert, work, (file) => {
      onConverted(file);
      if (announced) complete.add(path.resolve(announced));
      announced = file;
      mergeReady();
    });
    converting.catch(() => undefined); // awaited below
    merging = PacketWriter.create().then((created) => {
      writer = created;
    });
    mergeReady();
    await converting;
    const conversion = performance.now() - started;
    toConvert.forEach((file) => complete.add(file));
    mergeReady();
    await merging;
    const target = path.join(outDir, fileName);
    const pages = await writer!.save(
      target,
      metadata,
      documents.find(({ document }) => document.draft)?.document.draft,
    );
    return {
      file: target,
      pages,
      warnings: writer!.warnings,
      timing: { conversion, total: performance.now() - started },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
    forgetWork();
  }
}

/**
 * An attached PDF with only an owner password (it opens, but limits printing or copying, as
 * authorities' PDFs often do) is written anew without the encryption by poppler's pdftocairo,
 * so that its pages can be merged; `check` has already refused one that needs a password.
 */
function decryptedIfNeeded(file: string, work: string): string {
  if (!pdfIsEncrypted(readFileSync(file))) return file;
  const target = path.join(work, `${path.basename(file, '.pdf')}.dekrypterad.pdf`);
  const run = spawnSync('pdftocairo', ['-pdf', file, target], { encoding: 'utf8', timeout: 300_000 });
  if (run.error || run.status !== 0 || !existsSync(target))
    throw new PdfToolError(
      `${path.basename(file)} är krypterad och kan inte fogas in i paketet${run.error ? ': pdftocairo (poppler-utils) saknas' : ''}; spara bilagan utan lösenordsskydd`,
    );
  return target;
}
