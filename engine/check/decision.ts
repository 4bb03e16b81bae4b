// The decision proposed in an ärende against the ansökan it decides on:
// same period, and granted = sökt − justeringar.
import { AMOUNT_IN_PROSE, amountInProse, showAmount, sum } from '../money.js';
import type { Ansokan, Arende } from '../../schemas/index.js';
import { requestedByPartyAndYear, type Decision } from '../derive/decision.js';
import { periodYears } from '../derive/budget.js';
import type { Loaded } from '../load/content.js';
import type { DerivedMeeting } from '../derive/meeting.js';
import { MONTHS } from '../format/swedish.js';
import { finding, amountFigure, textFigure, type Finding } from '../findings.js';
import type { Path, SourceFile } from '../load/source.js';
import { compareAmount } from './compare.js';
import { unknownParties, yearsOutsidePeriod } from './references.js';

export function checkDecisions(derived: DerivedMeeting): Finding[] {
  const findings: Finding[] = [];
  for (const { arende, ansokan: loaded, decision } of derived.decisions.values()) {
    const { data, source } = arende;
    const ansokan = loaded.data;

    data.justeringar.forEach((justering, index) => {
      if (justering.part !== undefined)
        findings.push(
          ...unknownParties(source, ansokan, [{ name: justering.part, at: ['justeringar', index, 'part'] }]),
        );
      if (!justering.per_år) return;
      findings.push(...yearsOutsidePeriod(source, ansokan, justering.per_år, ['justeringar', index, 'per_år']));
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

    findings.push(...checkAttClauses(data, source, decision));
    findings.push(...checkTypedDecision(data.beslut, source, ['beslut'], loaded, decision));
    if (decision.spreadByDays.some((what) => what.startsWith('finansiär') || what === 'beslutet')) {
      const onDecision = decision.spreadByDays.includes('beslutet');
      findings.push(
        finding(
          'budget.fördelat-efter-dagar',
          onDecision ? source : loaded.source,
          onDecision ? ['beslut'] : ['budget', 'finansiärer'],
          `${onDecision ? 'beslutets belopp' : 'förbundets del av finansieringen'} är inte angivet för varje år; handlingar fördelar det som saknas efter antal dagar, och tabellerna säger det`,
          { hint: 'Ange per_år för varje år om fördelningen är bestämd.' },
        ),
      );
    }
  }
  return findings;
}

/**
 * A decision a person typed: a copy of the derived one must agree with it; a partial grant
 * (`delvis`) may be smaller or shorter; nothing may exceed what was applied for.
 */
export function checkTypedDecision(
  typed: Arende['beslut'],
  source: SourceFile,
  prefix: Path,
  ansokan: Loaded<Ansokan>,
  decision: Decision,
): Finding[] {
  if (!typed) return [];
  const findings: Finding[] = [];
  const applied = ansokan.data.period;
  for (const end of ['från', 'till'] as const) {
    const proposed = typed.period?.[end];
    if (proposed === undefined || proposed === applied[end]) continue;
    const beyond = end === 'från' ? proposed < applied.från : proposed > applied.till;
    if (beyond || !typed.delvis)
      findings.push(
        finding(
          beyond ? 'beslut.överskrider' : 'beslut.period',
          source,
          [...prefix, 'period', end],
          beyond
            ? `beslutet gäller ${end} ${proposed}, utanför ansökans period ${applied.från}–${applied.till}`
            : `beslutet gäller ${end} ${proposed}, men ansökan ${end} ${applied[end]}`,
          {
            expected: { text: applied[end] },
            found: { text: proposed },
            ...(beyond ? {} : { hint: 'Beslutar styrelsen om en kortare period, skriv skälet i delvis:.' }),
          },
        ),
      );
  }
  if (typed.belopp !== undefined && typed.belopp > decision.härlett) {
    findings.push(
      finding(
        'beslut.överskrider',
        source,
        [...prefix, 'belopp'],
        `beslutet gäller ${showAmount(typed.belopp)}, mer än ansökan ger: sökt ${showAmount(decision.sökt)} − justeringar ${showAmount(decision.justeringar)} = ${showAmount(decision.härlett)}`,
        { expected: amountFigure(decision.härlett), found: amountFigure(typed.belopp) },
      ),
    );
  } else if (!typed.delvis) {
    findings.push(
      ...compareAmount(source, {
        code: 'beslut.belopp',
        at: [...prefix, 'belopp'],
        what: 'Beslutets belopp',
        stated: typed.belopp,
        computed: decision.härlett,
        parts: decision.justeringar
          ? `sökt ${showAmount(decision.sökt)} − justeringar ${showAmount(decision.justeringar)} =`
          : 'sökt belopp enligt budgeten är',
        hint: 'Beviljar styrelsen mindre än ansökan, skriv skälet i delvis:.',
      }),
    );
  }
  const perYearApplied = requestedByPartyAndYear(ansokan.data).byPartyAndYear;
  const years = periodYears(applied);
  const mostInAYear = Math.max(
    0,
    ...years.map((y) => sum(Object.values(perYearApplied).map((byYear) => byYear[y] ?? 0))),
  );
  if (typed.högst_per_år !== undefined && typed.högst_per_år > mostInAYear) {
    findings.push(
      finding(
        'beslut.överskrider',
        source,
        [...prefix, 'högst_per_år'],
        `taket ${showAmount(typed.högst_per_år)} per år är högre än ansökan söker något år (som mest ${showAmount(mostInAYear)})`,
        { expected: amountFigure(mostInAYear), found: amountFigure(typed.högst_per_år) },
      ),
    );
  }
  if (typed.per_år) {
    findings.push(
      ...yearsOutsidePeriod(source, { period: { från: decision.från, till: decision.till } }, typed.per_år, [
        ...prefix,
        'per_år',
      ]),
    );
    const stated = sum(Object.values(typed.per_år));
    if (stated > decision.beviljat)
      findings.push(
        finding(
          'beslut.överskrider',
          source,
          [...prefix, 'per_år'],
          `beslutets år summerar till ${showAmount(stated)}, mer än beslutets ${showAmount(decision.beviljat)}`,
          { expected: amountFigure(decision.beviljat), found: amountFigure(stated) },
        ),
      );
    for (const [year, value] of Object.entries(typed.per_år))
      if (typed.högst_per_år !== undefined && value > typed.högst_per_år)
        findings.push(
          finding(
            'beslut.överskrider',
            source,
            [...prefix, 'per_år', year],
            `${year}: ${showAmount(value)} är mer än beslutets tak ${showAmount(typed.högst_per_år)} per år`,
            { expected: amountFigure(typed.högst_per_år), found: amountFigure(value) },
          ),
        );
  }
  return findings;
}

const DATE_IN_TEXT = new RegExp(`(\\d{1,2}) (${MONTHS.join('|')})(?: år)? (\\d{4})`, 'g');

/** Att-satser a handläggare wrote instead of the standard ones: their amounts and dates must match the decision. */
function checkAttClauses(arende: Arende, source: SourceFile, decision: Decision): Finding[] {
  const proposal = arende.förslag_till_beslut;
  if (!proposal?.ersätt_standard) return [];
  const findings: Finding[] = [];
  const dates = new Set([decision.från, decision.till]);
  proposal.att.forEach((clause, index) => {
    for (const match of clause.matchAll(AMOUNT_IN_PROSE)) {
      const ore = amountInProse(match)?.ore;
      if (ore !== undefined && ore !== decision.beviljat && ore !== decision.sökt) {
        findings.push(
          finding(
            'beslut.att-sats',
            source,
            ['förslag_till_beslut', 'att', index],
            `att-satsen nämner ${showAmount(ore)}, men beslutet gäller ${showAmount(decision.beviljat)}`,
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
          finding(
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
