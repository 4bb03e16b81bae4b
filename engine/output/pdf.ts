// The meeting packet as one PDF: every Word document converted by LibreOffice in a single
// process, then merged with any attached PDF bilagor in agenda order by pdf-lib, with a
// bookmark per document, the bilaga number in a corner of each of its pages, page numbers
// through the packet, and fixed metadata so that two builds give the same file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  StandardFonts,
  rgb,
  type PDFArray,
  type PDFObject,
} from 'pdf-lib';

/** An outline item's dictionary entries, as pdf-lib's context.obj takes them. */
type OutlineEntry = Record<string, PDFObject | PDFArray | string>;
import { FIXED_DATE } from '../render/zip.js';
import { writeAtomically } from './write.js';
import { UserError } from '../errors.js';

export class PdfToolError extends UserError {}

export const SOFFICE_MISSING =
  'LibreOffice (soffice) saknas, så ingen PDF kan skapas. Installera det med: sudo apt-get install libreoffice-writer-nogui';

export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

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
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          ...files,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
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
        child.kill('SIGKILL');
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
    rmSync(profile, { recursive: true, force: true });
  }
  for (const file of files) {
    const pdf = path.join(outDir, `${path.basename(file, '.docx')}.pdf`);
    if (!existsSync(pdf)) throw new PdfToolError(`LibreOffice skapade ingen PDF för ${path.basename(file)}`);
  }
}

export interface PacketPart {
  pdf: string;
  /** Bookmark title, as in the föredragningslista. */
  title: string;
  /** "Bilaga 5.1", stamped in a corner of each page; none for the kallelse. */
  mark?: string;
  /** A part nested under the previous top-level part (bilaga N.k under ärende N). */
  nested: boolean;
}

/** Merges the parts into one PDF; returns its page count. */
export async function mergePacket(parts: readonly PacketPart[], target: string, title: string): Promise<number> {
  const packet = await PDFDocument.create();
  const font = await packet.embedFont(StandardFonts.Helvetica);
  const starts: PDFRef[] = [];
  for (const part of parts) {
    const source = await PDFDocument.load(readFileSync(part.pdf), { updateMetadata: false });
    const pages = await packet.copyPages(source, source.getPageIndices());
    pages.forEach((page) => packet.addPage(page));
    starts.push(pages[0]!.ref);
    if (part.mark) for (const page of pages) stamp(page, part.mark, 'top', font);
  }
  const total = packet.getPageCount();
  packet.getPages().forEach((page, index) => stamp(page, `Sida ${index + 1} av ${total}`, 'bottom', font));
  addOutline(packet, parts, starts);

  packet.setTitle(title, { showInWindowTitleBar: true });
  packet.setLanguage('sv-SE');
  packet.setAuthor('Samordningsförbundet');
  packet.setCreator('handlingar');
  packet.setProducer('handlingar');
  packet.setCreationDate(FIXED_DATE);
  packet.setModificationDate(FIXED_DATE);
  writeAtomically(target, await packet.save({ useObjectStreams: false }));
  return total;
}

function stamp(
  page: ReturnType<PDFDocument['getPages']>[number],
  text: string,
  where: 'top' | 'bottom',
  font: Awaited<ReturnType<PDFDocument['embedFont']>>,
) {
  const size = 8;
  const { width, height } = page.getSize();
  const x = width - 36 - font.widthOfTextAtSize(text, size);
  const y = where === 'top' ? height - 22 : 16;
  page.drawText(text, { x, y, size, font, color: rgb(0.25, 0.25, 0.25) });
}

/** Bookmarks: one per part; a bilaga's bookmark sits under its ärende's. */
function addOutline(packet: PDFDocument, parts: readonly PacketPart[], starts: readonly PDFRef[]) {
  const context = packet.context;
  const rootRef = context.nextRef();
  const refs = parts.map(() => context.nextRef());
  const children = new Map<number, number[]>();
  const topLevel: number[] = [];
  parts.forEach((part, index) => {
    const parent = part.nested ? topLevel.at(-1) : undefined;
    if (parent === undefined) topLevel.push(index);
    else children.set(parent, [...(children.get(parent) ?? []), index]);
  });
  const link = (siblings: number[], parentRef: PDFRef) =>
    siblings.forEach((index, position) => {
      const kids = children.get(index) ?? [];
      const entries: OutlineEntry = {
        Title: PDFHexString.fromText(parts[index]!.title),
        Parent: parentRef,
        Dest: context.obj([starts[index]!, PDFName.of('Fit')]),
      };
      if (position > 0) entries.Prev = refs[siblings[position - 1]!]!;
      if (position < siblings.length - 1) entries.Next = refs[siblings[position + 1]!]!;
      if (kids.length > 0)
        Object.assign(entries, { First: refs[kids[0]!]!, Last: refs[kids.at(-1)!]!, Count: PDFNumber.of(kids.length) });
      context.assign(refs[index]!, context.obj(entries));
      link(kids, refs[index]!);
    });
  link(topLevel, rootRef);
  context.assign(
    rootRef,
    context.obj({
      Type: 'Outlines',
      First: refs[topLevel[0]!]!,
      Last: refs[topLevel.at(-1)!]!,
      Count: PDFNumber.of(parts.length),
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
  documents: readonly { file: string; document: { name: string; title: string; bilaga?: string } }[],
  outDir: string,
  date: string,
  title: string,
  onConverted: (file: string) => void,
): Promise<{ file: string; pages: number }> {
  const work = mkdtempSync(path.join(tmpdir(), 'handlingar-pdf-'));
  try {
    const toConvert = documents.filter(({ file }) => file.endsWith('.docx')).map(({ file }) => path.resolve(file));
    await convertToPdf(toConvert, work, onConverted);
    const parts: PacketPart[] = documents.map(({ file, document }) => ({
      pdf: file.endsWith('.docx') ? path.join(work, `${path.basename(file, '.docx')}.pdf`) : file,
      title: document.title,
      ...(document.bilaga ? { mark: `Bilaga ${document.bilaga}` } : {}),
      nested: document.bilaga?.includes('.') ?? false,
    }));
    const target = path.join(outDir, `handlingar-${date}.pdf`);
    return { file: target, pages: await mergePacket(parts, target, title) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
