// Names and years that must belong to an ansökan: a party must be one of its budget's
// parties, a year one of its period's. Shared by the budget's checks and the justeringar's.
import type { AnsokanBudget } from '../../schemas/index.js';
import { periodYears } from '../derive/budget.js';
import { finding, type Finding } from '../findings.js';
import { suggestClosest } from '../format/suggest.js';
import type { Path, SourceFile } from '../load/source.js';

/** A party named where the ansökan's budget.parter are expected; `onKey` when it is a mapping key. */
export function unknownParties(
  source: SourceFile,
  ansokan: AnsokanBudget,
  names: readonly { name: string; at: Path; onKey?: boolean }[],
): Finding[] {
  const parties = ansokan.budget.parter;
  return names
    .filter(({ name }) => !parties.includes(name))
    .map(({ name, at, onKey }) => {
      const near = suggestClosest(name, parties);
      return finding(
        'ref.part-okänd',
        source,
        at,
        `«${name}» är inte en av budgetens parter (${parties.join(', ')})${near ? `; menade du «${near}»?` : ''}`,
        { onKey: onKey ?? false },
      );
    });
}

/** Every key of a per-year map (at `at`) that is not a year of the ansökan's period. */
export function yearsOutsidePeriod(
  source: SourceFile,
  ansokan: Pick<AnsokanBudget, 'period'>,
  perYear: Record<string, number> | undefined,
  at: Path,
): Finding[] {
  const years = periodYears(ansokan.period);
  return Object.keys(perYear ?? {})
    .filter((year) => !years.includes(year))
    .map((year) =>
      finding(
        'budget.år-utanför-period',
        source,
        [...at, year],
        `året ${year} ligger utanför insatsens period ${ansokan.period.från}–${ansokan.period.till}`,
        { onKey: true, hint: `Tillåtna år: ${years.join(', ')}.` },
      ),
    );
}
