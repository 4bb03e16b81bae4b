// Shared test helpers: a scratch copy of a content folder with edits applied, and the
// check run on it.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../engine/cli.js';
import { check } from '../engine/index.js';
import type { Finding } from '../engine/findings.js';

export const MINIMAL = path.resolve('tests/fixtures/minimal');
export const MINIMAL_MEETING = 'moten/2025-03-06';
export const EXAMPLE = path.resolve('content');

/** Copies a content folder to a fresh temporary folder and returns its path. */
export function scratchCopy(source = MINIMAL): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'handlingar-test-'));
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** Replaces exactly one occurrence of `from` in a file; fails loudly when it is not there once. */
export function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const target = path.join(root, file);
  const text = readFileSync(target, 'utf8');
  const count =
    typeof from === 'string'
      ? text.split(from).length - 1
      : (text.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`)) ?? []).length;
  if (count !== 1) throw new Error(`${file}: expected one occurrence of ${String(from)}, found ${count}`);
  writeFileSync(target, text.replace(from, to));
}

export const APPLICATION = `${MINIMAL_MEETING}/ansokningar/lyftet.yaml`;
export const ARENDE = `${MINIMAL_MEETING}/arenden/lyftet.yaml`;
export const MOTE = `${MINIMAL_MEETING}/mote.yaml`;

/** Checks the minimal content after applying edits; returns the findings. */
export function findingsAfter(...edits: [file: string, from: string | RegExp, to: string][]): Finding[] {
  const root = scratchCopy();
  for (const [file, from, to] of edits) edit(root, file, from, to);
  return check(root).findings;
}

/** The line number (1-based) on which `needle` first occurs in a file of the minimal content after edits. */
export function lineOf(file: string, needle: string, root = MINIMAL): number {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  return index + 1;
}

/** A compact view of findings for assertions: code, file name, line. */
export const brief = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.code} ${path.basename(f.file)}:${f.line}`);

/** Adds a file bilaga (bilagor/plan.pdf, «Projektplan», bilaga 2.2) to the minimal meeting in `root`. */
export function attachPlan(root: string, bytes: string | Uint8Array): void {
  mkdirSync(path.join(root, MINIMAL_MEETING, 'bilagor'), { recursive: true });
  writeFileSync(path.join(root, MINIMAL_MEETING, 'bilagor', 'plan.pdf'), bytes);
  edit(
    root,
    ARENDE,
    'undertecknare: Dora Chef',
    'undertecknare: Dora Chef\nbilagor:\n  - { rubrik: Projektplan, fil: bilagor/plan.pdf }',
  );
  edit(root, MOTE, 'handling: bilaga 2–2.1', 'handling: bilaga 2–2.2');
}

/** Every content file of a content folder (relative to it). */
export function contentFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

export const NEW_MEETING = 'moten/2025-02-13';

/**
 * A förbund's repository as `handlingar init` leaves it, after `npm install` (handlingar in
 * node_modules; here this working copy, linked) and a meeting made with `handlingar ny`.
 */
export async function initedRepository(): Promise<string> {
  const repo = path.join(mkdtempSync(path.join(tmpdir(), 'handlingar-init-')), 'styrelsehandlingar');
  const quiet = { out: () => undefined, err: () => undefined };
  if ((await run(['init', repo], quiet)) !== 0) throw new Error('handlingar init failed');
  mkdirSync(path.join(repo, 'node_modules'));
  symlinkSync(path.resolve('.'), path.join(repo, 'node_modules', 'handlingar'), 'dir');
  const meeting = path.join(repo, 'content', NEW_MEETING);
  for (const args of [
    ['ny', 'möte', '2025-02-13', '--innehåll', path.join(repo, 'content')],
    ['ny', 'ärende', meeting, 'Verksamhetsplan 2026'],
    ['ny', 'ansökan', meeting, 'Steg för steg – Heby'],
  ]) {
    if ((await run(args, quiet)) !== 0) throw new Error(`handlingar ${args.join(' ')} failed`);
  }
  return repo;
}

/**
 * A small PDF that opens: one empty page, with a correct cross-reference table; `comment` ends
 * up in it. Another `catalog` makes a PDF that is well-formed on the outside and broken inside.
 */
export function tinyPdf(comment = 'plan', catalog = '<< /Type /Catalog /Pages 2 0 R >>'): string {
  const objects = [
    catalog,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let pdf = `%PDF-1.4\n% ${comment}\n`;
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

/** RC4, which PDF's standard security handler (revision 2) uses; Node's OpenSSL may lack it. */
function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const PDF_PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PDF_PAD]).subarray(0, 32);

/**
 * tinyPdf encrypted with the standard security handler (RC4, 40 bits): with an empty user
 * password it opens without one (only the owner password limits it, as authorities' PDFs
 * often do); with a user password it cannot be opened without it. The PDF has no strings
 * or streams, so nothing in it needs encrypting but the dictionary.
 */
export function encryptedPdf(userPassword: string, ownerPassword = 'ägare'): string {
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const permissions = -3904; // printing and copying not allowed
  const ownerKey = createHash('md5').update(padded(ownerPassword)).digest().subarray(0, 5);
  const o = rc4(ownerKey, padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = createHash('md5')
    .update(Buffer.concat([padded(userPassword), o, p, id]))
    .digest()
    .subarray(0, 5);
  const u = rc4(key, PDF_PAD);
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${permissions} >>`;
  const plain = tinyPdf('krypterad');
  const xrefAt = plain.indexOf('\nxref\n') + 1;
  const object = `4 0 obj\n${encrypt}\nendobj\n`;
  const body = plain.slice(0, xrefAt) + object;
  const offsets = [...body.matchAll(/^(\d+) 0 obj$/gm)].map((match) => match.index);
  let pdf = `${body}xref\n0 5\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const hex = id.toString('hex');
  pdf += `trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<${hex}> <${hex}>] >>\nstartxref\n${body.length}\n%%EOF\n`;
  return pdf;
}
