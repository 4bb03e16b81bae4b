// Round trip of every example budget: the mall filled with the hand-written budget, imported,
// gives the same budget and the same check findings as the hand-written YAML.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importFiles } from '../../engine/import/index.js';
import { check } from '../../engine/index.js';
import type { Finding } from '../../engine/findings.js';
import { budgetSchema } from '../../schemas/ansokan.js';
import { scratchCopy, EXAMPLE } from '../helpers.js';
import { EXAMPLE_ANSOKNINGAR, EXAMPLE_MEETING, filledWorkbook, loadAnsokan } from './roundtrip-util.js';

const files = readdirSync(EXAMPLE_ANSOKNINGAR).filter((f) => f.endsWith('.yaml'));

/** What a finding says, without where: code, figures and message without the cited source. */
const gist = (f: Finding) =>
  `${f.code} ${JSON.stringify(f.expected ?? null)} ${JSON.stringify(f.found ?? null)} ${f.message.replace(/ \(källa: [^)]*\)$/, '')}`;

function findingsFor(root: string, file: string): string[] {
  return check(root)
    .findings.filter((f) => path.basename(f.file) === file)
    .map(gist)
    .sort();
}

describe('budget round trip: mall → filled → importera → same budget, same findings', () => {
  it.each(files)('%s', async (file) => {
    const ansokan = loadAnsokan(path.join(EXAMPLE_ANSOKNINGAR, file));
    const dir = mkdtempSync(path.join(tmpdir(), 'handlingar-import-'));
    const xlsx = path.join(dir, 'budget.xlsx');
    writeFileSync(xlsx, await filledWorkbook(ansokan));
    const meeting = path.join(dir, 'mote');
    const outcome = await importFiles([xlsx], meeting.replace(/mote$/, ''));
    expect(outcome.written).toBeDefined();
    const imported = readFileSync(outcome.written!, 'utf8');
    const importedBudget = budgetSchema.parse(parse(imported).budget);
    // Amounts compare in öre; a budget typed in tkr comes back in kronor.
    expect({ ...importedBudget, enhet: 'kr' }).toEqual({ ...ansokan.budget, enhet: 'kr' });

    // The hand-written file with its budget replaced by the imported one: same findings.
    const root = scratchCopy(EXAMPLE);
    const target = path.join(root, EXAMPLE_MEETING, 'ansokningar', file);
    const hand = readFileSync(target, 'utf8');
    const head = hand.slice(0, hand.search(/^budget:/m));
    writeFileSync(target, head + imported.slice(imported.search(/^budget:/m)));
    const after = findingsFor(root, file);
    const before = findingsFor(EXAMPLE, file);
    expect(after).toEqual(before);
    // A finding at an imported value names the cell it came from (one at a key or a whole map does not).
    for (const f of check(root).findings.filter((f) => path.basename(f.file) === file))
      if (f.excerpt?.includes('# källa:') && f.column - 1 > f.excerpt.indexOf(':'))
        expect(f.message).toMatch(/\(källa: budget\.xlsx Budget!([A-Z]+\d+|\))/);
  });
});
