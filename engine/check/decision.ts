// The decision proposed in an ärende against the ansökan it decides on:
// same period, and granted = sökt − justeringar.
import type { Arende } from '../../schemas/index.js';
import { parseOre } from '../../schemas/primitives.js';
import { deriveDecision, type Decision } from '../derive/decision.js';
import { MONTHS } from '../format/swedish.js';
import { amountFigure, textFigure, type Finding } from '../findings.js';
import type { SourceFile } from '../load/source.js';
import { periodYears } from '../derive/budget.js';
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
      if (justering.part !== undefined && !ansokan.budget.parter.includes(justering.part)) {
        findings.push(
          report(
            'ref.part-okänd',
            source,
            ['justeringar', index, 'part'],
            `«${justering.part}» är inte en av budgetens parter (${ansokan.budget.parter.join(', ')})`,
          ),
        );
      }
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

    const decision = deriveDecision(ansokan, data);
    findings.push(...checkAttClauses(data, source, decision));
    if (!data.beslut) continue;
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
    const parts = decision.justeringar
      ? `sökt ${kr(decision.sökt)} − justeringar ${kr(decision.justeringar)} =`
      : 'sökt belopp enligt budgeten är';
    findings.push(
      ...compareAmount(source, {
        code: 'beslut.belopp',
        at: ['beslut', 'belopp'],
        what: 'Beslutets belopp',
        stated: data.beslut.belopp,
        computed: decision.beviljat,
        parts,
      }),
    );
  }
  return findings;
}

const AMOUNT_IN_TEXT = /(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(\d{1,2}))?\s*(?:kr\b|kronor)/g;
const DATE_IN_TEXT = new RegExp(`(\\d{1,2}) (${MONTHS.join('|')})(?: år)? (\\d{4})`, 'g');

/** Att-satser a handläggare wrote instead of the standard ones: their amounts and dates must match the decision. */
function checkAttClauses(arende: Arende, source: SourceFile, decision: Decision): Finding[] {
  const proposal = arende.förslag_till_beslut;
  if (!proposal?.ersätt_standard) return [];
  const findings: Finding[] = [];
  const dates = new Set([decision.från, decision.till]);
  proposal.att.forEach((clause, index) => {
    for (const match of clause.matchAll(AMOUNT_IN_TEXT)) {
      const ore = parseOre(match[2] ? `${match[1]},${match[2]}` : match[1]!)!;
      if (ore !== decision.beviljat && ore !== decision.sökt) {
        findings.push(
          report(
            'beslut.att-sats',
            source,
            ['förslag_till_beslut', 'att', index],
            `att-satsen nämner ${kr(ore)}, men beslutet gäller ${kr(decision.beviljat)}`,
            {
              expected: amountFigure(decision.beviljat),
              found: amountFigure(ore),
            },
          ),
        );
      }
    }
    for (const match of clause.matchAll(DATE_IN_TEXT)) {
      const iso = `${match[3]}-${String(MONTHS.indexOf(match[2]!) + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
      if (!dates.has(iso)) {
        findings.push(
          report(
            'beslut.att-sats',
            source,
            ['förslag_till_beslut', 'att', index],
            `att-satsen nämner ${match[0]}, men perioden är ${decision.från}–${decision.till}`,
            {
              expected: textFigure(`${decision.från}–${decision.till}`),
              found: textFigure(match[0]),
            },
          ),
        );
      }
    }
  });
  return findings;
}
