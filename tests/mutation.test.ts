// Mutation test of the example meeting: every amount in every budget (and the form's own
// figures) is changed by one unit, one at a time, and the budget checks must notice. The share
// caught is printed and quoted in the README; the floor below keeps it from slipping.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ansokanSchema } from '../schemas/index.js';
import { parseOre } from '../engine/money.js';
import { checkBudget } from '../engine/check/budget.js';
import { parseYamlFile } from '../engine/load/yaml.js';
import { validate } from '../engine/load/validate.js';

const DIR = 'content/moten/2024-09-12/ansokningar';
/** Keys whose scalar values are amounts; per-year and per-party maps hold amounts too. */
const AMOUNT_KEYS = new Set([
  'belopp',
  'summa',
  'totalt',
  'avstämning_per_år',
  'ansökt',
  'egenfinansiering',
  'total',
  'rekvirera',
]);
const AMOUNT_MAPS = new Set(['per_år', 'parter', 'belopp']);

interface Site {
  start: number;
  end: number;
  line: number;
  text: string;
  path: string;
}

/** Every amount scalar under budget: and finansiering:, with its place in the text. */
function amountSites(text: string): Site[] {
  const document = parseDocument(text);
  const sites: Site[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const walk = (node: Node | null, keys: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items)
        walk(pair.value as Node | null, [...keys, String((pair.key as { value: unknown }).value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item) => walk(item as Node, keys));
    } else if (isScalar(node) && node.range) {
      const key = keys.at(-1)!;
      const parent = keys.at(-2);
      const isAmount =
        (AMOUNT_KEYS.has(key) && !(parent === 'sammanställning')) ||
        (parent !== undefined && AMOUNT_MAPS.has(parent) && keys[keys.length - 3] !== 'budget');
      if (!isAmount || typeof node.value === 'boolean') return;
      const raw = text.slice(node.range[0], node.range[1]);
      sites.push({
        start: node.range[0],
        end: node.range[1],
        line: lineOf(node.range[0]),
        text: raw,
        path: keys.join('.'),
      });
    }
  };
  const root = document.contents as Node | null;
  if (isMap(root))
    for (const pair of root.items) {
      const key = String((pair.key as { value: unknown }).value);
      if (key === 'budget' || key === 'finansiering') walk(pair.value as Node, [key]);
    }
  return sites;
}

/** The same amount plus one unit of the file (1 kr, or 1 tkr in a tkr budget), as plain text. */
function plusOne(raw: string): string {
  const unquoted = raw.replace(/^"|"$/g, '');
  const ore = parseOre(unquoted.replace('.', ','))!;
  const next = ore + 100;
  const kronor = Math.trunc(next / 100);
  const cents = Math.abs(next % 100);
  return `"${kronor}${cents ? `,${String(cents).padStart(2, '0')}` : ''}"`;
}

const budgetFindings = (file: string) => {
  const parsed = parseYamlFile(file, path.basename(file));
  const { value, findings } = validate(ansokanSchema, parsed.data, parsed.source);
  if (!value) return findings.map((f) => `${f.code}:${f.line}:${f.message}`);
  return checkBudget({ data: value, source: parsed.source }).map((f) => `${f.code}:${f.line}:${f.message}`);
};

describe('mutation test of the example budgets', () => {
  it('catches a change to any single amount', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'handlingar-mutation-'));
    let total = 0;
    let caught = 0;
    let atOwnLine = 0;
    const missed: string[] = [];
    for (const name of readdirSync(DIR).sort()) {
      const text = readFileSync(path.join(DIR, name), 'utf8');
      const file = path.join(scratch, name);
      writeFileSync(file, text);
      const baseline = new Set(budgetFindings(file));
      for (const site of amountSites(text)) {
        if (parseOre(site.text.replace(/^"|"$/g, '').replace('.', ',')) === undefined) continue;
        total++;
        writeFileSync(file, text.slice(0, site.start) + plusOne(site.text) + text.slice(site.end));
        const fresh = budgetFindings(file).filter((f) => !baseline.has(f));
        if (fresh.length > 0) caught++;
        else missed.push(`${name}:${site.line} (${site.path})`);
        if (fresh.some((f) => Number(f.split(':')[1]) === site.line)) atOwnLine++;
      }
    }
    const share = (n: number) => `${((100 * n) / total).toFixed(1).replace('.', ',')} %`;
    console.log(
      `Mutationstest: ${caught} av ${total} belopp fångade (${share(caught)}); ${atOwnLine} av dem (${share(atOwnLine)}) med ett fynd på beloppets egen rad.`,
    );
    if (missed.length) console.log(`Inte fångade:\n  ${missed.join('\n  ')}`);
    expect(total).toBeGreaterThan(300);
    expect(missed).toEqual([]);
  }, 120_000);
});
