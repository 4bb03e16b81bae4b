// Zip handling shared by template generation and rendering: reading a .docx safely and
// writing one deterministically (fixed entry dates, fixed order), so that the same content
// always gives the same bytes.
import PizZip from 'pizzip';
import { UserError } from '../errors.js';

/** Every entry gets this date; any fixed date works, this one is easy to recognise. */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
/** Refuse archives that would unpack to more than this (zip bombs). */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

export class DocxFormatError extends UserError {}

/** Opens a .docx, refusing what is not a zip, lacks word/document.xml or unpacks too large. */
export function openDocx(bytes: Uint8Array): PizZip {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw new DocxFormatError('filen är inte en giltig .docx (inte ett zip-arkiv)');
  }
  let unpacked = 0;
  for (const entry of Object.values(zip.files)) {
    // pizzip keeps the declared size of each entry; summing them bounds what we would unpack.
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    unpacked += size;
    if (unpacked > MAX_UNPACKED_BYTES) throw new DocxFormatError('filen packas upp till mer än 50 MB och används inte');
  }
  if (!zip.file('word/document.xml')) throw new DocxFormatError('filen saknar word/document.xml och är ingen Word-fil');
  return zip;
}

/** Writes a zip with every entry dated FIXED_DATE and the core properties' dates fixed too. */
export function deterministicZip(zip: PizZip): Buffer {
  const out = new PizZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    let content: string | Uint8Array = entry.asUint8Array();
    if (name === 'docProps/core.xml') {
      content = entry
        .asText()
        .replace(
          /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
          `$1${FIXED_DATE.toISOString().replace('.000', '')}$3`,
        );
    }
    out.file(name, content, { date: FIXED_DATE, createFolders: false });
  }
  return out.generate({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }) as Buffer;
}
