// The decision proposed in an ärende against the ansökan it decides on:
// same period, and granted = sökt − justeringar.
import type { Finding } from '../findings.js';
import { periodYears, requestedTotal } from '../derive/budget.js';
import type { MeetingModel } from '../load/content.js';
import { compareAmount, kr, report, sum } from './report.js';

export function checkDecisions(meeting: MeetingModel): Finding[] {
  const findings: Finding[] = [];
  for (const [, arende] of meeting.arenden) {
    const { data, source } = arende;
    const ansokan = data.ansökan ? meeting.ansokningar.get(data.ansökan)?.data : undefined;
    if (!ansokan) continue;
    const years = periodYears(ansokan.period);

    data.justeringar.forEach((justering, index) => {
      if (!justering.per_år) return;
      for (const year of Object.keys(justering.per_år)) {
        if (!years.includes(year)) {
          findings.push(
            report(
              'budget.år-utanför-period',
              source,
              ['justeringar', index, 'per_år', year],
              `året ${year} ligger utanför insatsens period`,
              { onKey: true },
            ),
          );
        }
      }
      findings.push(
        ...compareAmount(source, {
          code: 'justering.per-år',
          at: ['justeringar', index, 'per_år'],
          what: 'Justeringens fördelning per år',
          stated: sum(Object.values(justering.per_år)),
          computed: justering.belopp,
          parts: 'justeringen är på',
        }),
      );
    });

    if (!data.beslut) {
      findings.push(
        report(
          'ärende.beslut-saknas',
          source,
          ['ansökan'],
          'ärendet avgör en ansökan men saknar beslut (period och belopp)',
        ),
      );
      continue;
    }
    for (const end of ['från', 'till'] as const) {
      const proposed = data.beslut.period[end];
      const applied = ansokan.period[end];
      if (proposed !== applied) {
        findings.push(
          report(
            'beslut.period',
            source,
            ['beslut', 'period', end],
            `beslutet gäller ${end} ${proposed}, men ansökan ${end} ${applied}`,
            {
              expected: { text: applied },
              found: { text: proposed },
            },
          ),
        );
      }
    }
    const requested = requestedTotal(ansokan.budget);
    const adjustments = sum(data.justeringar.map((justering) => justering.belopp));
    const granted = requested - adjustments;
    const parts = adjustments
      ? `sökt ${kr(requested)} − justeringar ${kr(adjustments)} =`
      : 'sökt belopp enligt budgeten är';
    findings.push(
      ...compareAmount(source, {
        code: 'beslut.belopp',
        at: ['beslut', 'belopp'],
        what: 'Beslutets belopp',
        stated: data.beslut.belopp,
        computed: granted,
        parts,
      }),
    );
  }
  return findings;
}
