// `handlingar register`: the register of decisions as a table for people, or as JSON.
import type { RegisterEntry } from '../derive/register.js';
import { showAmount } from '../money.js';

/** Every year any decision has an amount for, in order: the table's year columns. */
const yearsOf = (entries: readonly RegisterEntry[]) =>
  [...new Set(entries.flatMap((entry) => Object.keys(entry.perYear)))].sort();

export function registerTable(entries: readonly RegisterEntry[]): string {
  const years = yearsOf(entries);
  const header = ['Datum', '§', 'Insats', 'Insatsägare', 'Period', 'Beviljat', ...years];
  const rows = entries.map((entry) => [
    entry.datum,
    String(entry.paragraf),
    entry.insats,
    entry.insatsägare,
    `${entry.från}–${entry.till}`,
    showAmount(entry.beviljat),
    ...years.map((year) => (entry.perYear[year] === undefined ? '' : showAmount(entry.perYear[year]))),
  ]);
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c]!.length)));
  const numeric = (c: number) => c === 1 || c >= 5;
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (numeric(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${entries.length} beslut i registret`,
  ].join('\n');
}

export function registerJson(entries: readonly RegisterEntry[]): string {
  const kronor = (ore: number) => ({ type: 'amount', ore, unit: 'kr' });
  return JSON.stringify(
    {
      beslut: entries.map((entry) => ({
        datum: entry.datum,
        organ: entry.organ,
        paragraf: entry.paragraf,
        insats: entry.insats,
        insatsägare: entry.insatsägare,
        period: { från: entry.från, till: entry.till },
        beviljat: kronor(entry.beviljat),
        per_år: Object.fromEntries(Object.entries(entry.perYear).map(([year, ore]) => [year, kronor(ore)])),
        källa: entry.källa,
      })),
    },
    null,
    2,
  );
}
