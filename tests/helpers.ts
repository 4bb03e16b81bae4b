// Shared test helpers: a scratch copy of a content folder with edits applied, and the
// check run on it.
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

/** A small PDF that opens: one empty page, with a correct cross-reference table; `comment` ends up in it. */
export function tinyPdf(comment = 'plan'): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
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
