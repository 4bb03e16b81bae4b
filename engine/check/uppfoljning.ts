// The checks of a half-year follow-up: each report against itself, against the register and
// against the previous period's report; the PM's stated figures against the reports.
import type { ByGender, Forbund, Uppfoljningsrapport } from '../../schemas/index.js';
import { FIGURE_REFERENCE } from '../derive/figures.js';
import { PARTICIPANT_GROUPS, totalOf, type DerivedFollowUp, type FollowUpReport } from '../derive/uppfoljning.js';
import { amountFigure, finding, findingAt, percentFigure, textFigure, type Figure, type Finding } from '../findings.js';
import { suggestClosest } from '../format/suggest.js';
import type { Loaded } from '../load/content.js';
import type { Path } from '../load/source.js';
import type { FollowUp } from '../load/uppfoljning.js';
import { roundToUnit, showAmount, wholePercent } from '../money.js';

const GROUP_LABEL = {
  inregistrerade: 'inregistrerade',
  avslutade: 'avslutade',
  pågående: 'pågående',
  till_arbete_studier: 'avslutade till arbete/studier',
} as const;

const number = (n: number): Figure => ({ text: String(n) });
const DEFAULT_MAX_KVOT = 10_000;

/** kvinnor + män = totalt, where a total is stated. */
function genderTotals(
  { source }: Pick<Loaded<unknown>, 'source'>,
  at: Path,
  group: ByGender | { kvinnor: number; män: number; totalt: number },
  label: string,
): Finding[] {
  if (group.totalt === undefined || group.totalt === totalOf(group)) return [];
  return [
    finding(
      'uppföljning.könsfördelning',
      source,
      [...at, 'totalt'],
      `${label}: ${group.kvinnor} kvinnor och ${group.män} män är ${totalOf(group)}, inte ${group.totalt}`,
      { expected: number(totalOf(group)), found: number(group.totalt) },
    ),
  ];
}

function checkParticipants(r: FollowUpReport, followUp: FollowUp): Finding[] {
  const d = r.report.data.deltagarstatistik;
  if (!d) return [];
  const findings: Finding[] = [];
  for (const group of PARTICIPANT_GROUPS)
    findings.push(
      ...genderTotals(r.report, ['deltagarstatistik', group], d[group], `${r.name}, ${GROUP_LABEL[group]}`),
    );
  if (d.ingående_pågående)
    findings.push(...genderTotals(r.report, ['deltagarstatistik', 'ingående_pågående'], d.ingående_pågående, r.name));
  for (const gender of ['kvinnor', 'män'] as const)
    if (d.till_arbete_studier[gender] > d.avslutade[gender])
      findings.push(
        finding(
          'uppföljning.arbete-studier',
          r.report.source,
          ['deltagarstatistik', 'till_arbete_studier', gender],
          `${r.name}: fler ${gender} avslutade till arbete/studier (${d.till_arbete_studier[gender]}) än avslutade (${d.avslutade[gender]})`,
          { expected: number(d.avslutade[gender]), found: number(d.till_arbete_studier[gender]) },
        ),
      );
  // The stock at the start: the previous period's report of the same insats (same file name),
  // when its figures end the day before these begin; else the stock the report states.
  const start = d.avser?.från ?? followUp.period.från;
  const before = followUp.previous?.reports.get(r.slug)?.data.deltagarstatistik;
  const beforeEnd = before && (before.avser?.till ?? followUp.previous!.period.till);
  const adjacent = beforeEnd !== undefined && dayAfter(beforeEnd) === start;
  const opening = adjacent ? before!.pågående : d.ingående_pågående;
  if (!opening) return findings;
  const whence = adjacent ? `${followUp.previous!.period.name}/${r.slug}.yaml` : 'ingående_pågående';
  const moved = d.överförda?.antal ?? 0;
  for (const gender of ['kvinnor', 'män'] as const) {
    const expected = opening[gender] + d.inregistrerade[gender] - d.avslutade[gender];
    // Transfers are stated as a number of persons, not by gender: they are checked on the total.
    if (moved === 0 && expected !== d.pågående[gender])
      findings.push(
        finding(
          'uppföljning.deltagarflöde',
          r.report.source,
          ['deltagarstatistik', 'pågående', gender],
          `${r.name}: pågående ${gender} ska vara ${opening[gender]} vid periodens början (${whence}) + ${d.inregistrerade[gender]} inregistrerade − ${d.avslutade[gender]} avslutade = ${expected}`,
          { expected: number(expected), found: number(d.pågående[gender]) },
        ),
      );
  }
  if (moved > 0) {
    const expected = totalOf(opening) + totalOf(d.inregistrerade) - totalOf(d.avslutade) - moved;
    if (expected !== totalOf(d.pågående))
      findings.push(
        finding(
          'uppföljning.deltagarflöde',
          r.report.source,
          ['deltagarstatistik', 'pågående'],
          `${r.name}: pågående ska vara ${totalOf(opening)} + ${totalOf(d.inregistrerade)} inregistrerade − ${totalOf(d.avslutade)} avslutade − ${moved} överförda = ${expected}`,
          { expected: number(expected), found: number(totalOf(d.pågående)) },
        ),
      );
  }
  return findings;
}

function dayAfter(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function checkMoney(r: FollowUpReport, derived: DerivedFollowUp, maxKvot: number): Finding[] {
  const data: Uppfoljningsrapport = r.report.data;
  const u = r.utfall;
  if (!u || !data.ekonomiskt_utfall) return [];
  const unit = data.ekonomiskt_utfall.enhet;
  const findings: Finding[] = [];
  const { source } = r.report;
  if (u.budgetÅr !== undefined && r.granted !== undefined && roundToUnit(r.granted, unit) !== u.budgetÅr)
    findings.push(
      finding(
        'uppföljning.budget',
        source,
        ['ekonomiskt_utfall', 'budget_år'],
        `${r.name}: budgeten för ${derived.year} är ${showAmount(r.granted, unit)} enligt beslutet ${r.entry!.källa}`,
        { expected: amountFigure(roundToUnit(r.granted, unit), unit), found: amountFigure(u.budgetÅr, unit) },
      ),
    );
  if (u.budgetÅr !== undefined && r.granted === undefined && r.entry)
    findings.push(
      finding(
        'uppföljning.budget',
        source,
        ['ekonomiskt_utfall', 'budget_år'],
        `${r.name}: beslutet ${r.entry.källa} beviljar inget för ${derived.year}`,
        { expected: amountFigure(0, unit), found: amountFigure(u.budgetÅr, unit) },
      ),
    );
  // The stated kvot against the stated parts: the PM's own arithmetic.
  const statedBudget = u.budgetÅr ?? r.granted;
  const stated = data.ekonomiskt_utfall.förbrukningskvot;
  if (stated !== undefined && statedBudget) {
    const parts = wholePercent(u.hittills, statedBudget)!;
    if (parts !== stated)
      findings.push(
        finding(
          'uppföljning.kvot',
          source,
          ['ekonomiskt_utfall', 'förbrukningskvot'],
          `${r.name}: ${showAmount(u.hittills, unit)} av ${showAmount(statedBudget, unit)} är ${parts / 100} %`,
          { expected: percentFigure(parts), found: percentFigure(stated) },
        ),
      );
  }
  const overBudget = r.kvot !== undefined && r.kvot > maxKvot;
  const reported = data.avvikelser.some((a) => a.område === 'budget');
  if (overBudget && !reported)
    findings.push(
      finding(
        'uppföljning.förbrukning',
        source,
        ['ekonomiskt_utfall', 'hittills_i_år'],
        `${r.name}: förbrukningskvoten är ${r.kvot! / 100} % av beviljat ${showAmount(r.granted!, unit)} för ${derived.year}, utan en rapporterad avvikelse om budgeten`,
        {
          expected: percentFigure(maxKvot),
          found: percentFigure(r.kvot!),
          hint: 'Lägg till avvikelsen under `avvikelser` (område: budget), eller rätta utfallet.',
        },
      ),
    );
  if (u.hittills < u.period)
    findings.push(
      finding(
        'uppföljning.kvot',
        source,
        ['ekonomiskt_utfall', 'hittills_i_år'],
        `${r.name}: utfallet hittills i år (${showAmount(u.hittills, unit)}) är mindre än periodens (${showAmount(u.period, unit)})`,
      ),
    );
  return findings;
}

function checkRegisterPlace(r: FollowUpReport, derived: DerivedFollowUp): Finding[] {
  const { source } = r.report;
  if (!r.entry)
    return [
      finding(
        'uppföljning.okänd-insats',
        source,
        ['beslut_i_registret'],
        `registret över beslut har inget beslut ${r.report.data.beslut_i_registret}: rapporten följer upp en insats utanför registret`,
        { found: textFigure(r.report.data.beslut_i_registret) },
      ),
    ];
  if (r.entry.från > derived.period.till || r.entry.till < derived.period.från)
    return [
      finding(
        'uppföljning.okänd-insats',
        source,
        ['beslut_i_registret'],
        `${r.entry.insats} (${r.entry.från}–${r.entry.till}) pågår inte under perioden ${derived.period.från}–${derived.period.till}`,
      ),
    ];
  const k = r.report.data.kvalitet;
  if (k?.avvikelse_målgrupp_metod === 'ja' && !r.report.data.avvikelser.some((a) => a.område === 'målgrupp/metod'))
    return [
      finding(
        'uppföljning.avvikelse-saknas',
        source,
        ['kvalitet', 'avvikelse_målgrupp_metod'],
        `${r.name} anger en avvikelse om målgrupp/metod, men rapporten beskriver ingen`,
        { hint: 'Beskriv avvikelsen under `avvikelser` (område: målgrupp/metod).' },
      ),
    ];
  return [];
}

function checkPeriodFile(followUp: FollowUp, derived: DerivedFollowUp): Finding[] {
  const file = followUp.periodFile;
  if (!file) return [];
  const findings: Finding[] = [];
  const known = Object.keys(derived.figures);
  for (const key of ['sammanfattning', 'bakgrund', 'reflektioner'] as const)
    for (const match of file.data[key]?.matchAll(FIGURE_REFERENCE) ?? []) {
      const name = match[1]!;
      if (known.includes(name)) continue;
      const near = suggestClosest(name, known);
      findings.push(
        finding(
          'text.okänd-siffra',
          file.source,
          [key],
          `{{${name}}} är ingen siffra i uppföljningen${near ? `; menade du {{${near}}}?` : ''}`,
          { hint: `Kända siffror: ${known.join(', ')}.` },
        ),
      );
    }
  const stated = file.data.angivet;
  for (const [group, row] of Object.entries(stated.deltagarstatistik ?? {})) {
    const g = group as keyof typeof derived.participants;
    const parts = derived.participants[g];
    for (const key of ['kvinnor', 'män', 'totalt'] as const)
      if (row[key] !== parts[key])
        findings.push(
          finding(
            'uppföljning.summa',
            file.source,
            ['angivet', 'deltagarstatistik', group, key],
            `${GROUP_LABEL[g]}, ${key}: rapporterna summerar till ${parts[key]}`,
            { expected: number(parts[key]), found: number(row[key]) },
          ),
        );
    for (const key of ['kvinnor', 'män'] as const) {
      const share = wholePercent(parts[key], parts.totalt);
      const typed = row.andelar?.[key];
      if (typed !== undefined && share !== undefined && typed !== share)
        findings.push(
          finding(
            'uppföljning.summa',
            file.source,
            ['angivet', 'deltagarstatistik', group, 'andelar', key],
            `${GROUP_LABEL[g]}: andelen ${key} är ${parts[key]} av ${parts.totalt} = ${share / 100} %`,
            { expected: percentFigure(share), found: percentFigure(typed) },
          ),
        );
    }
  }
  const figure = (name: string) => {
    const value = derived.figures[name]?.value;
    return value?.type === 'number' ? value.hundredths / 100 : undefined;
  };
  if (stated.pågående_inklusive_överförda !== undefined) {
    const expected = figure('pågående_inklusive_överförda')!;
    if (expected !== stated.pågående_inklusive_överförda)
      findings.push(
        finding(
          'uppföljning.summa',
          file.source,
          ['angivet', 'pågående_inklusive_överförda'],
          `pågående (${derived.participants.pågående.totalt}) och överförda (${derived.överförda}) är ${expected}`,
          { expected: number(expected), found: number(stated.pågående_inklusive_överförda) },
        ),
      );
  }
  stated.figurer.forEach((typed, index) => {
    const expected = figure(typed.namn);
    if (expected === undefined) {
      const near = suggestClosest(typed.namn, known);
      findings.push(
        finding(
          'text.okänd-siffra',
          file.source,
          ['angivet', 'figurer', index, 'namn'],
          `${typed.namn} är ingen siffra i uppföljningen${near ? `; menade du ${near}?` : ''}`,
        ),
      );
    } else if (expected !== typed.värde)
      findings.push(
        finding(
          'uppföljning.summa',
          file.source,
          ['angivet', 'figurer', index, 'värde'],
          `${typed.avsnitt ? `${typed.avsnitt}: ` : ''}${typed.namn} är ${expected} enligt rapporterna och registret`,
          { expected: number(expected), found: number(typed.värde) },
        ),
      );
  });
  return findings;
}

export function checkFollowUp(followUp: FollowUp, derived: DerivedFollowUp, forbund: Forbund | undefined): Finding[] {
  const maxKvot = forbund?.kontroller.förbrukningskvot_max ?? DEFAULT_MAX_KVOT;
  const findings: Finding[] = [];
  for (const r of derived.reports) {
    findings.push(...checkRegisterPlace(r, derived));
    if (r.report.data.ej_startad) continue;
    findings.push(...checkParticipants(r, followUp), ...checkMoney(r, derived, maxKvot));
  }
  // A missing report is pointed at the decision in the register: that is where the insats is named.
  for (const entry of derived.unreported) {
    const colon = entry.källa.lastIndexOf(':');
    findings.push(
      findingAt(
        'uppföljning.rapport-saknas',
        { file: entry.källa.slice(0, colon), line: Number(entry.källa.slice(colon + 1)), column: 1 },
        `${entry.insats} (${entry.insatsägare}, ${entry.från}–${entry.till}) pågår under perioden men har ingen rapport i uppfoljning/${derived.period.name}/`,
        { hint: `Lägg till en rapport med \`beslut_i_registret: ${entry.datum} § ${entry.paragraf}\`.` },
      ),
    );
  }
  findings.push(...checkPeriodFile(followUp, derived));
  return findings;
}
