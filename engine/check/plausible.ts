// Rules about money and time that must hold whatever else is typed: a justering never
// exceeds what it adjusts, an ansökan has a budget, every year lies within a plausible
// horizon of the meeting, a party is named once, and a meeting's time runs forward.
import type { Ansokan } from '../../schemas/index.js';
import type { DerivedMeeting } from '../derive/meeting.js';
import { forbundRows, hasCostLines, requestedTotal } from '../derive/budget.js';
import { requestedByPartyAndYear } from '../derive/decision.js';
import { amountFigure, finding, textFigure, type Finding } from '../findings.js';
import type { Loaded, MeetingModel } from '../load/content.js';
import type { Path, SourceFile } from '../load/source.js';
import { showAmount, sum } from '../money.js';

export const DEFAULT_HORIZON_YEARS = 15;

/** A name as compared: composed, case-folded, blanks collapsed. */
const sameName = (name: string) => name.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

/** The dates of an ansökan and its ärende that name a year, with where they are typed. */
function datesOf(ansokan: Ansokan): { date: string; at: Path }[] {
  const dates: { date: string; at: Path }[] = [
    { date: ansokan.period.från, at: ['period', 'från'] },
    { date: ansokan.period.till, at: ['period', 'till'] },
  ];
  if (ansokan.sista_intag) dates.push({ date: ansokan.sista_intag, at: ['sista_intag'] });
  for (const part of ['rekvirera', 'egenfinansiering'] as const) {
    const budgetPart = ansokan.budget[part];
    if (!budgetPart) continue;
    for (const group of ['lön', 'lokal', 'övrigt'] as const)
      budgetPart[group].rader.forEach((line, index) => {
        for (const end of ['från', 'till'] as const) {
          const date = line[end];
          if (date) dates.push({ date, at: ['budget', part, group, 'rader', index, end] });
        }
      });
  }
  return dates;
}

function horizonFinding(
  source: SourceFile,
  at: Path,
  date: string,
  meetingDate: string,
  horizon: number,
): Finding | undefined {
  const year = Number(date.slice(0, 4));
  const meetingYear = Number(meetingDate.slice(0, 4));
  if (Math.abs(year - meetingYear) <= horizon) return undefined;
  return finding(
    'datum.horisont',
    source,
    at,
    `året ${year} (${date}) ligger ${Math.abs(year - meetingYear)} år från mötet ${meetingDate}, mer än ${horizon} år; är årtalet felskrivet?`,
    {
      found: textFigure(String(year)),
      hint: 'Gränsen sätts med kontroller.horisont_år i forbund.yaml.',
    },
  );
}

/** sameName with its answers kept: the ansökningar of a meeting name the same parties again and again. */
function sameNames(): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let same = known.get(name);
    if (same === undefined) {
      same = sameName(name);
      known.set(name, same);
    }
    return same;
  };
}

/** Parties named more than once in an ansökan: as insatsägare and samverkanspart, twice in a list. */
function partyDuplicates({ data, source }: Loaded<Ansokan>, same: (name: string) => string): Finding[] {
  const findings: Finding[] = [];
  const owner = same(data.insatsägare);
  const seen = new Set<string>();
  data.samverkansparter.forEach((party, index) => {
    const name = same(party);
    if (name === owner)
      findings.push(
        finding(
          'ansökan.part-dubblett',
          source,
          ['samverkansparter', index],
          `${party} är insatsägare och står därför inte också bland samverkansparterna`,
        ),
      );
    else if (seen.has(name))
      findings.push(
        finding(
          'ansökan.part-dubblett',
          source,
          ['samverkansparter', index],
          `${party} står två gånger bland samverkansparterna`,
        ),
      );
    seen.add(name);
  });
  const columns = new Set<string>();
  data.budget.parter.forEach((party, index) => {
    const name = same(party);
    if (columns.has(name))
      findings.push(
        finding('ansökan.part-dubblett', source, ['budget', 'parter', index], `${party} är redan en kolumn i budgeten`),
      );
    columns.add(name);
  });
  return findings;
}

export function checkPlausible(meeting: MeetingModel, derived: DerivedMeeting): Finding[] {
  const findings: Finding[] = [];
  const mote = meeting.mote;
  const horizon = meeting.forbund?.data.kontroller.horisont_år ?? DEFAULT_HORIZON_YEARS;

  const tid = mote?.data.tid;
  if (mote && tid && tid.till <= tid.från)
    findings.push(
      finding(
        'datum.ordning',
        mote.source,
        ['tid', 'till'],
        `mötet slutar ${tid.till}, ${tid.till === tid.från ? 'samtidigt som' : 'före'} det börjar ${tid.från}`,
      ),
    );

  const names = sameNames();
  for (const loaded of meeting.ansokningar.values()) {
    const { data, source } = loaded;
    findings.push(...partyDuplicates(loaded, names));
    if (!hasCostLines(data.budget) && forbundRows(data.budget).length === 0)
      findings.push(
        finding(
          'ansökan.budget-saknas',
          source,
          ['budget'],
          'ansökan har varken budgetrader eller finansieringsplan, så det finns inget belopp att besluta om',
          {
            onKey: true,
            hint: 'Skriv budgetens rader under budget.rekvirera, eller en finansieringsplan under budget.finansiärer.',
          },
        ),
      );
    if (mote)
      for (const { date, at } of datesOf(data)) {
        const problem = horizonFinding(source, at, date, mote.data.datum, horizon);
        if (problem) findings.push(problem);
      }
  }

  for (const { arende, ansokan } of derived.decisions.values()) {
    const { data, source } = arende;
    const period = data.beslut?.period;
    if (mote && period)
      for (const end of ['från', 'till'] as const) {
        const problem = horizonFinding(source, ['beslut', 'period', end], period[end], mote.data.datum, horizon);
        if (problem) findings.push(problem);
      }
    // The justeringar, added up in order, against what the ansökan asks for.
    const requested = requestedTotal(ansokan.data.budget);
    const byParty = requestedByPartyAndYear(ansokan.data).byPartyAndYear;
    const adjustedParty = new Map<string, number>();
    let adjusted = 0;
    data.justeringar.forEach((justering, index) => {
      adjusted += justering.belopp;
      // A justering that names its party column never removes more than that party asks for.
      if (justering.part !== undefined && byParty[justering.part] !== undefined) {
        const partyRequested = sum(Object.values(byParty[justering.part]!));
        const partyAdjusted = (adjustedParty.get(justering.part) ?? 0) + justering.belopp;
        adjustedParty.set(justering.part, partyAdjusted);
        if (partyAdjusted > partyRequested && adjusted <= requested)
          findings.push(
            finding(
              'justering.överskrider',
              source,
              ['justeringar', index, 'belopp'],
              `justeringarna för ${justering.part} är tillsammans ${showAmount(partyAdjusted)}, mer än de ${showAmount(partyRequested)} som ${justering.part} söker`,
              { expected: amountFigure(partyRequested), found: amountFigure(partyAdjusted) },
            ),
          );
      }
      if (adjusted > requested)
        findings.push(
          finding(
            'justering.överskrider',
            source,
            ['justeringar', index, 'belopp'],
            `justeringarna är tillsammans ${showAmount(adjusted)}, mer än ansökans ${showAmount(requested)}; en justering kan inte ta bort mer än det som söks`,
            { expected: amountFigure(requested), found: amountFigure(adjusted) },
          ),
        );
    });
  }
  return findings;
}
