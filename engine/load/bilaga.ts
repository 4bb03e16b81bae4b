// Opens a bilaga file the way the build will, before any build starts: a .pdf or .docx that
// is empty, too large, corrupt or locked by a password is a finding at the line naming it,
// never a crash in the middle of a packet. Limits hold for what a file unpacks to as well.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type { FindingCode } from '../findings.js';

/** A bilaga larger than this is refused; so is a .docx that unpacks to more. */
export const MAX_BILAGA_BYTES = 100 * 1024 * 1024;

export interface BilagaProblem {
  code: Extract<FindingCode, `bilaga.${string}`>;
  message: string;
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Whether a PDF is encrypted: its trailer (or cross-reference stream) names an /Encrypt dictionary. */
export const pdfIsEncrypted = (bytes: Uint8Array): boolean =>
  /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(Buffer.from(bytes).toString('latin1'));

/**
 * Whether an encrypted PDF opens without a password (only an owner password, which limits
 * printing or copying): poppler's pdfinfo tells. Undefined when pdfinfo is not installed.
 */
export function opensWithoutPassword(file: string): boolean | undefined {
  const run = spawnSync('pdfinfo', [file], { encoding: 'utf8', timeout: 20_000 });
  if (run.error) return undefined;
  return run.status === 0;
}

function inspectPdf(file: string, bytes: Buffer): BilagaProblem | undefined {
  const text = bytes.toString('latin1');
  if (!text.slice(0, 1024).includes('%PDF-'))
    return { code: 'bilaga.skadad', message: 'är ingen PDF (filen börjar inte med %PDF-)' };
  const tail = text.slice(-2048);
  const startxref = /startxref\s+(\d+)\s+%%EOF/.exec(tail);
  if (!startxref)
    return {
      code: 'bilaga.skadad',
      message: 'är avkortad eller skadad: slutet av PDF-filen (startxref, %%EOF) saknas',
    };
  const offset = Number(startxref[1]);
  const atXref = text.slice(offset, offset + 64);
  if (!/^\s*(xref|\d+\s+\d+\s+obj)/.test(atXref))
    return { code: 'bilaga.skadad', message: 'är skadad: PDF-filens korsreferenstabell finns inte där filen säger' };
  // The catalog the trailer names must be a dictionary with the page tree (when it is not
  // inside a compressed object stream, where only a full parse reaches it).
  const root = [...text.matchAll(/\/Root\s+(\d+)\s+(\d+)\s+R/g)].at(-1);
  if (!root) return { code: 'bilaga.skadad', message: 'är skadad: PDF-filen saknar katalog (/Root)' };
  const catalog = new RegExp(`(?:^|[\\s>])${root[1]}\\s+${root[2]}\\s+obj\\s*([\\s\\S]{0,4000})`).exec(text);
  if (catalog && !/^<<[\s\S]*\/Pages\s+\d+\s+\d+\s+R/.test(catalog[1]!))
    return { code: 'bilaga.skadad', message: 'är skadad: PDF-filens katalog saknar sidträd (/Pages)' };
  if (pdfIsEncrypted(bytes)) {
    const opens = opensWithoutPassword(file);
    if (opens === undefined)
      return {
        code: 'bilaga.krypterad',
        message:
          'är krypterad, och pdfinfo (poppler-utils) saknas för att pröva om den kan läsas utan lösenord; installera poppler-utils eller spara bilagan utan skydd',
      };
    if (!opens)
      return {
        code: 'bilaga.krypterad',
        message: 'kräver ett lösenord för att öppnas; be avsändaren om en PDF utan lösenord',
      };
  }
  return undefined;
}

/** The entries of a zip archive, from its central directory; undefined when it is not one. */
function zipEntries(
  bytes: Buffer,
): { name: string; method: number; flags: number; offset: number; size: number }[] | undefined {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      size: bytes.readUInt32LE(at + 20),
      offset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

function inspectDocx(bytes: Buffer): BilagaProblem | undefined {
  // A password-protected Word file is an OLE compound file, not a zip (as is an old .doc).
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    return {
      code: 'bilaga.krypterad',
      message: 'är lösenordsskyddad (eller sparad i det gamla .doc-formatet); spara den som .docx utan lösenord',
    };
  const entries = zipEntries(bytes);
  if (!entries) return { code: 'bilaga.skadad', message: 'är ingen giltig .docx (inte ett zip-arkiv)' };
  if (!entries.some((entry) => entry.name === 'word/document.xml'))
    return { code: 'bilaga.skadad', message: 'saknar word/document.xml och är ingen Word-fil' };
  // What the archive unpacks to is counted by unpacking it, with a limit: declared sizes can lie.
  let unpacked = 0;
  for (const entry of entries) {
    if (entry.flags & 1) return { code: 'bilaga.krypterad', message: 'innehåller krypterade delar' };
    if (entry.offset + 30 > bytes.length || bytes.readUInt32LE(entry.offset) !== 0x04034b50)
      return { code: 'bilaga.skadad', message: 'är ett skadat zip-arkiv' };
    const start = entry.offset + 30 + bytes.readUInt16LE(entry.offset + 26) + bytes.readUInt16LE(entry.offset + 28);
    const data = bytes.subarray(start, start + entry.size);
    const left = MAX_BILAGA_BYTES - unpacked;
    try {
      unpacked += entry.method === 0 ? data.length : inflateRawSync(data, { maxOutputLength: left + 1 }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') unpacked = MAX_BILAGA_BYTES + 1;
      else return { code: 'bilaga.skadad', message: `är ett skadat zip-arkiv (${entry.name} kan inte packas upp)` };
    }
    if (unpacked > MAX_BILAGA_BYTES)
      return { code: 'bilaga.storlek', message: `packas upp till mer än ${MB(MAX_BILAGA_BYTES)} och används inte` };
  }
  return undefined;
}

/** What is wrong with a bilaga file, if anything; the caller has made sure it is a regular file. */
export function inspectBilaga(file: string): BilagaProblem | undefined {
  const { size } = statSync(file);
  if (size === 0) return { code: 'bilaga.tom', message: 'är tom (0 byte)' };
  if (size > MAX_BILAGA_BYTES)
    return { code: 'bilaga.storlek', message: `är ${MB(size)}, mer än gränsen ${MB(MAX_BILAGA_BYTES)}` };
  const bytes = Buffer.alloc(size);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, bytes, 0, size, 0);
  } finally {
    closeSync(fd);
  }
  return /\.pdf$/i.test(file) ? inspectPdf(file, bytes) : inspectDocx(bytes);
}
