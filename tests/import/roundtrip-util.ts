// Helpers for the import tests: an example ansökan as loaded, and its budget as a filled mall.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ansokanSchema, type Ansokan } from '../../schemas/ansokan.js';
import { budgetWorkbook, specFor } from '../../engine/import/budgetmall.js';

export const EXAMPLE_MEETING = 'moten/2024-09-12';
export const EXAMPLE_ANSOKNINGAR = path.resolve('content', EXAMPLE_MEETING, 'ansokningar');

export function loadAnsokan(file: string): Ansokan {
  return ansokanSchema.parse(parse(readFileSync(file, 'utf8')));
}

/** The years a budget needs columns for: its period's and any it names in a split. */
export function yearsOf(a: Ansokan): number[] {
  const years = new Set<number>();
  for (let y = Number(a.period.från.slice(0, 4)); y <= Number(a.period.till.slice(0, 4)); y++) years.add(y);
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'per_år' && child && typeof child === 'object')
        for (const y of Object.keys(child)) years.add(Number(y));
      else visit(child);
    }
  };
  visit(a.budget);
  return [...years].sort((x, y) => x - y);
}

/** The mall filled with an ansökan's budget, every stated sum as a formula's cached value. */
export async function filledWorkbook(a: Ansokan): Promise<Buffer> {
  return budgetWorkbook(specFor(a.budget.parter, yearsOf(a), a), a);
}
