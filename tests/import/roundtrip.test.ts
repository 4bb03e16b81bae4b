// The whole round trip, for every ansökan of the example: the Word form and the Excel budget
// filled with its values, imported together, give the same content and the same check findings
// as the hand-written YAML.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applicationForm } from '../../engine/import/form-docx.js';
import { importFiles } from '../../engine/import/index.js';
import { check } from '../../engine/index.js';
import type { Finding } from '../../engine/findings.js';
import { loadForbundOnly } from '../../engine/output/blank.js';
import { ansokanSchema } from '../../schemas/ansokan.js';
import { EXAMPLE, scratchCopy } from '../helpers.js';
import { EXAMPLE_ANSOKNINGAR, EXAMPLE_MEETING, filledWorkbook, loadAnsokan } from './roundtrip-util.js';

const files = readdirSync(EXAMPLE_ANSOKNINGAR).filter((f) => f.endsWith('.yaml'));
const forbund = loadForbundOnly(EXAMPLE)!;
const gist = (f: Finding) => `${f.code} ${JSON.stringify(f.expected ?? null)} ${JSON.stringify(f.found ?? null)}`;

/** Word keeps no trailing line break after a text, and a budget comes back in kronor. */
function normalised(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(normalised);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, k === 'enhet' ? 'kr' : normalised(v)]),
    );
  return value;
}

describe('round trip: ansökningsmall and budgetmall → filled → importera → the same ansökan', () => {
  it.each(files)('%s', async (file) => {
    const original = loadAnsokan(path.join(EXAMPLE_ANSOKNINGAR, file));
    const root = scratchCopy(EXAMPLE);
    const meeting = path.join(root, EXAMPLE_MEETING);
    const docx = path.join(root, 'ansokan.docx');
    const xlsx = path.join(root, 'budget.xlsx');
    writeFileSync(docx, applicationForm(forbund, EXAMPLE, original));
    writeFileSync(xlsx, await filledWorkbook(original));
    rmSync(path.join(meeting, 'ansokningar', file));
    const outcome = await importFiles([docx, xlsx], meeting);
    expect(outcome.findings.filter((f) => f.code === 'import.fil')).toEqual([]);
    // The file is named after the insats; the example's names are shorter, and its ärenden use them.
    const target = path.join(meeting, 'ansokningar', file);
    renameSync(outcome.written!, target);
    const text = readFileSync(target, 'utf8');
    expect(text).toMatch(/# källa: ansokan\.docx «Insatsens namn»/);
    const imported = ansokanSchema.parse(parse(text));
    expect(normalised(imported)).toEqual(normalised(original));

    const before = check(EXAMPLE).findings.filter((f) => path.basename(f.file) === file);
    const after = check(root).findings.filter((f) => path.basename(f.file) === file);
    expect(after.map(gist).sort()).toEqual(before.map(gist).sort());
  });
});
