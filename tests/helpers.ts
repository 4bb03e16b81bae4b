// Shared test helpers: a scratch copy of a content folder with edits applied, and the
// check run on it.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
