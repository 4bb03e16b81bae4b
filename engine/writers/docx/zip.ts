// Zip handling shared by template generation and rendering: reading a .docx safely and
// writing one deterministically (fixed entry dates, fixed order), so that the same content
// always gives the same bytes.
import PizZip from 'pizzip';
import { UserError } from '../../errors.js';

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

/**
 * A document's core properties (docProps/core.xml): what Word shows under File › Info and
 * what an archive or a screen reader reads as the document's title and language.
 */
export interface DocumentProperties {
  title: string;
  /** The author: the förbund. */
  creator: string;
  /** BCP 47, e.g. sv-SE. */
  language: string;
  /** The meeting's date, YYYY-MM-DD: the document's created and modified date. */
  date: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The core properties part, always in the same form, so that the same input gives the same bytes. */
export function corePropertiesXml(properties: DocumentProperties): string {
  const date = `${properties.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(properties.title)}</dc:title>` +
    `<dc:creator>${escapeXml(properties.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(properties.creator)}</cp:lastModifiedBy>` +
    `<dc:language>${escapeXml(properties.language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Writes a zip with every entry dated FIXED_DATE. The core properties get `properties` when
 * given (a rendered document); otherwise only their dates are fixed (a template).
 */
export function deterministicZip(zip: PizZip, properties?: DocumentProperties): Buffer {
  const out = new PizZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    let content: string | Uint8Array = entry.asUint8Array();
    if (name === 'docProps/core.xml') {
      content = properties
        ? corePropertiesXml(properties)
        : entry
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
