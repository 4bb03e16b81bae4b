// What a budget adds up to, computed from its lines alone. Checks compare the applicant's
// stated sums with these figures; later stages use them instead of any typed copy.
import type { Budget, BudgetGroup, BudgetLine, BudgetPart } from '../../schemas/index.js';
import type { GroupName } from '../format/labels.js';

export const GROUPS: readonly GroupName[] = ['lön', 'lokal', 'övrigt'];
export type PerParty = Record<string, number>;

function add(target: Record<string, number>, key: string, value: number): void {
  target[key] = (target[key] ?? 0) + value;
}

/** A line's amount per party column; a single amount belongs to the huvudinsatsägare. */
export function lineByParty(line: BudgetLine, parties: readonly string[]): PerParty {
  return typeof line.belopp === 'number' ? { [parties[0]!]: line.belopp } : { ...line.belopp };
}

export const lineTotal = (line: BudgetLine): number =>
  typeof line.belopp === 'number' ? line.belopp : Object.values(line.belopp).reduce((a, b) => a + b, 0);

export interface Totals {
  byParty: PerParty;
  total: number;
  /** Sum of tjänst i % over the lines, in hundredths of a percent. */
  fte: number;
  /** The part of the amount that is split per year, by year. */
  byYear: Record<string, number>;
}

const emptyTotals = (): Totals => ({ byParty: {}, total: 0, fte: 0, byYear: {} });

/** Adds every value of a record into the target, key by key (in the record's key order). */
function addAll(target: Record<string, number>, record: Readonly<Record<string, number>> | undefined): void {
  if (record) for (const key of Object.keys(record)) add(target, key, record[key]!);
}

// The totals are summed in place, without a copy of each line's amounts (lineByParty): they
// are computed for every group by the decision, the checks and the figures.
export function groupTotals(group: BudgetGroup, parties: readonly string[]): Totals {
  const totals = emptyTotals();
  for (const line of group.rader) {
    if (typeof line.belopp === 'number') add(totals.byParty, parties[0]!, line.belopp);
    else addAll(totals.byParty, line.belopp);
    totals.total += lineTotal(line);
    totals.fte += line.tjänst ?? 0;
    addAll(totals.byYear, line.per_år);
  }
  addAll(totals.byYear, group.per_år);
  return totals;
}

/** Totals of a part computed from its lines. */
export function partTotals(part: BudgetPart, parties: readonly string[]): Totals {
  const totals = emptyTotals();
  for (const name of GROUPS) {
    const group = groupTotals(part[name], parties);
    addAll(totals.byParty, group.byParty);
    addAll(totals.byYear, group.byYear);
    totals.total += group.total;
    totals.fte += group.fte;
  }
  return totals;
}

/** The financing plan's rows for the förbund itself: what the ansökan asks the förbund for. */
export const forbundRows = (budget: Budget) => (budget.finansiärer ?? []).filter((f) => f.slag === 'förbundet');

/**
 * The amount applied for from the förbund: the förbund's part of the financing plan where
 * the budget has one, else the sum of every line to rekvirera.
 */
export function requestedTotal(budget: Budget): number {
  const rows = forbundRows(budget);
  if (rows.length > 0) return rows.reduce((sum, row) => sum + row.belopp, 0);
  return partTotals(budget.rekvirera, budget.parter).total;
}

/** The whole cost of the insats from its lines: rekvirera plus egenfinansiering. */
export function costTotal(budget: Budget): number {
  const own = budget.egenfinansiering ? partTotals(budget.egenfinansiering, budget.parter).total : 0;
  return partTotals(budget.rekvirera, budget.parter).total + own;
}

/** Whether the budget has cost lines at all (a budget may be a financing plan only). */
export const hasCostLines = (budget: Budget): boolean =>
  [budget.rekvirera, budget.egenfinansiering].some((part) => part && GROUPS.some((g) => part[g].rader.length > 0));

/** Calendar years an ISO period touches: 2024-10-01..2026-12-31 → [2024, 2025, 2026]. */
export function periodYears(period: { från: string; till: string }): string[] {
  const first = Number(period.från.slice(0, 4));
  const last = Number(period.till.slice(0, 4));
  const years: string[] = [];
  for (let year = first; year <= last; year++) years.push(String(year));
  return years;
}
