// Copies that pass every other check: the same ärende twice on the agenda (it would be built
// twice), one ansökan decided by two ärenden (its money counted twice), two ansökningar for the same insats (a copied file whose name was not changed), and
// an ansökan whose budget is another's, line for line.
import { finding, type Finding } from '../findings.js';
import type { MeetingModel } from '../load/content.js';

const normalName = (name: string) => name.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

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
  const byBudget = new Map<string, string>();
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
    const key = JSON.stringify(budget);
    const sameBudget = byBudget.get(key);
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
    } else byBudget.set(key, slug);
  }
  return findings;
}
