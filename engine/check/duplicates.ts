// Copies that pass every other check: the same ärende twice on the agenda (it would be built
// twice), one ansökan decided by two ärenden (its money counted twice), two ansökningar for the same insats (a copied file whose name was not changed), and
// an ansökan whose budget is another's, line for line.
import type { Budget } from '../../schemas/index.js';
import { finding, type Finding } from '../findings.js';
import type { MeetingModel } from '../load/content.js';

const normalName = (name: string) => name.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

/**
 * What two budgets that are the same line for line share: their parties and their number of
 * lines per group. Cheap, where the whole budget as JSON is not; budgets are written out as JSON
 * only when an earlier one has the same shape.
 */
const budgetShape = (budget: Budget): string =>
  [
    budget.parter.join('\u0000'),
    ...[budget.rekvirera, budget.egenfinansiering].map((part) =>
      part ? `${part.lön.rader.length},${part.lokal.rader.length},${part.övrigt.rader.length}` : '-',
    ),
  ].join('|');

export function checkDuplicates(meeting: MeetingModel): Finding[] {
  const findings: Finding[] = [];
  const mote = meeting.mote;
  if (mote) {
    const first = new Map<string, number>();
    mote.data.dagordning.forEach((item, index) => {
      if (!item.ärende) return;
      const earlier = first.get(item.ärende);
      if (earlier === undefined) first.set(item.ärende, index);
      else
        findings.push(
          finding(
            'dagordning.dubblett',
            mote.source,
            ['dagordning', index, 'ärende'],
            `ärendet ${item.ärende} står redan som punkt ${earlier + 1} på dagordningen; ta bort den ena punkten`,
          ),
        );
    });
  }

  // One ansökan is decided by at most one ärende of a meeting: a second would count its money twice.
  const deciding = new Map<string, string>();
  // Only ärenden on the agenda decide (one left off it is a draft, reported as ref.oanvänd).
  const onAgenda = mote?.data.dagordning.flatMap((item) => (item.ärende ? [item.ärende] : [])) ?? [];
  for (const slug of new Set(onAgenda)) {
    const arende = meeting.arenden.get(slug);
    const ansokan = arende?.data.ansökan;
    if (!arende || !ansokan || !meeting.ansokningar.has(ansokan)) continue;
    const earlier = deciding.get(ansokan);
    if (earlier === undefined) deciding.set(ansokan, slug);
    else
      findings.push(
        finding(
          'ansökan.flera-ärenden',
          arende.source,
          ['ansökan'],
          `ansökan ${ansokan} beslutas redan i ärendet arenden/${earlier}.yaml; en ansökan beslutas i ett ärende per möte, annars räknas dess belopp två gånger`,
        ),
      );
  }

  const byInsats = new Map<string, string>();
  // The budgets seen, by shape, in the order they were recorded; `key` is the budget as JSON, once needed.
  const byShape = new Map<string, { budget: Budget; slug: string; key?: string }[]>();
  for (const [slug, ansokan] of [...meeting.ansokningar].sort(([a], [b]) => a.localeCompare(b))) {
    const name = normalName(ansokan.data.insats);
    const sameName = byInsats.get(name);
    if (sameName !== undefined) {
      findings.push(
        finding(
          'ansökan.dubblett',
          ansokan.source,
          ['insats'],
          `insatsen «${ansokan.data.insats}» har redan en ansökan, ansokningar/${sameName}.yaml; byt namn på insatsen om det är en annan, annars ta bort kopian`,
        ),
      );
    } else byInsats.set(name, slug);

    const budget = ansokan.data.budget;
    const hasLines = [budget.rekvirera, budget.egenfinansiering].some(
      (part) => part && (part.lön.rader.length > 0 || part.lokal.rader.length > 0 || part.övrigt.rader.length > 0),
    );
    if (!hasLines) continue;
    const shape = budgetShape(budget);
    const seen = byShape.get(shape) ?? [];
    let key: string | undefined;
    let sameBudget: string | undefined;
    if (seen.length > 0) {
      key = JSON.stringify(budget);
      // The last one recorded with the same JSON: the budget it was copied from.
      for (const earlier of seen)
        if ((earlier.key ??= JSON.stringify(earlier.budget)) === key) sameBudget = earlier.slug;
    }
    if (sameBudget !== undefined && sameName === undefined) {
      findings.push(
        finding(
          'ansökan.kopierad-budget',
          ansokan.source,
          ['budget'],
          `budgeten är rad för rad densamma som i ansokningar/${sameBudget}.yaml; har ansökan kopierats utan att budgeten skrevs om?`,
          { onKey: true },
        ),
      );
    } else {
      seen.push({ budget, slug, ...(key === undefined ? {} : { key }) });
      byShape.set(shape, seen);
    }
  }
  return findings;
}
