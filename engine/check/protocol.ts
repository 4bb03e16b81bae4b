// The protokoll against the förbund's board, the agenda and the law's timetable: who could
// serve, whether the board could decide, how votes and reservationer add up, the justering
// and anslag dates, the § numbers, and the decisions against their ansökningar.
import type { Ekonomi, Forbund } from '../../schemas/index.js';
import type { DerivedMeeting } from '../derive/meeting.js';
import { addDays, daysBetween, type DerivedParagraph } from '../derive/protocol.js';
import { decidedBy, entryOf, sameName, type RegisterEntry } from '../derive/register.js';
import { amountFigure, finding, textFigure, type Finding, type FindingCode } from '../findings.js';
import type { Loaded, MeetingModel } from '../load/content.js';
import type { Path, SourceFile } from '../load/source.js';
import { showAmount, sum } from '../money.js';
import { checkTypedDecision } from './decision.js';

/** The fewest serving members with which the board may decide, by the förbund's rule. */
export function quorum(forbund: Forbund): { least: number; rule: string } {
  const rule = forbund.styrelse.beslutförhet;
  const seats = forbund.styrelse.ordinarie.length;
  if (typeof rule === 'number') return { least: rule, rule: `minst ${rule} tjänstgörande enligt förbundsordningen` };
  if (rule === 'minst hälften') return { least: Math.ceil(seats / 2), rule: `minst hälften av ${seats} ledamöter` };
  return { least: Math.floor(seats / 2) + 1, rule: `mer än hälften av ${seats} ledamöter` };
}

const includes = (list: readonly string[], name: string) => list.some((other) => sameName(other, name));

export function checkProtocol(meeting: MeetingModel, derived: DerivedMeeting): Finding[] {
  const protocol = derived.protocol;
  const forbund = meeting.forbund?.data;
  const mote = meeting.mote?.data;
  if (!protocol || !forbund || !mote) return [];
  const { source, data: p } = protocol.protokoll;
  const findings: Finding[] = [];
  const add = (code: FindingCode, at: Path, message: string, extra: Parameters<typeof finding>[4] = {}) =>
    findings.push(finding(code, source, at, message, extra));
  const ordinarie = forbund.styrelse.ordinarie.map((m) => m.namn);
  const ersättare = forbund.styrelse.ersättare.map((m) => m.namn);
  const present = [...protocol.serving, ...p.närvaro.ersättare];

  // Närvaro: ordinarie serve as themselves, an ersättare for an absent ordinarie, no one twice.
  p.närvaro.ledamöter.forEach((name, i) => {
    if (!includes(ordinarie, name))
      add(
        'protokoll.närvaro',
        ['närvaro', 'ledamöter', i],
        `${name} är inte ordinarie ledamot i ${forbund.styrelse.namn.toLowerCase()}`,
        {
          hint: 'En ersättare som tjänstgör står under tjänstgörande_ersättare med den hen ersätter.',
        },
      );
  });
  const seen = new Map<string, Path>();
  const once = (name: string, at: Path) => {
    const key = name.trim().toLowerCase();
    if (seen.has(key)) add('protokoll.ersättare', at, `${name} står två gånger i närvaron`);
    else seen.set(key, at);
  };
  p.närvaro.ledamöter.forEach((name, i) => once(name, ['närvaro', 'ledamöter', i]));
  const replaced = new Set<string>();
  p.närvaro.tjänstgörande_ersättare.forEach(({ namn, ersätter }, i) => {
    const at: Path = ['närvaro', 'tjänstgörande_ersättare', i];
    once(namn, [...at, 'namn']);
    if (!includes(ersättare, namn))
      add('protokoll.ersättare', [...at, 'namn'], `${namn} är inte ersättare i styrelsen`);
    if (!includes(ordinarie, ersätter))
      add(
        'protokoll.ersättare',
        [...at, 'ersätter'],
        `${ersätter} är inte ordinarie ledamot; en ersättare tjänstgör bara för en ordinarie`,
      );
    else if (includes(p.närvaro.ledamöter, ersätter))
      add(
        'protokoll.ersättare',
        [...at, 'ersätter'],
        `${ersätter} är själv närvarande och tjänstgör; ${namn} kan inte ersätta hen`,
      );
    if (replaced.has(ersätter.toLowerCase()))
      add('protokoll.ersättare', [...at, 'ersätter'], `${ersätter} ersätts redan av en annan ersättare`);
    replaced.add(ersätter.toLowerCase());
  });
  p.närvaro.ersättare.forEach((name, i) => {
    once(name, ['närvaro', 'ersättare', i]);
    if (!includes(ersättare, name))
      add('protokoll.närvaro', ['närvaro', 'ersättare', i], `${name} är inte ersättare i styrelsen`);
  });

  // Beslutförhet, for the meeting and for every § where someone left for jäv.
  const { least, rule } = quorum(forbund);
  if (protocol.serving.length < least)
    add(
      'protokoll.beslutförhet',
      ['närvaro'],
      `${protocol.serving.length} tjänstgör, men styrelsen är beslutför först med ${least} (${rule})`,
      {
        expected: textFigure(`minst ${least}`),
        found: textFigure(String(protocol.serving.length)),
      },
    );

  // Ordförande, justerare.
  if (!includes(protocol.serving, p.ordförande))
    add('protokoll.närvaro', ['ordförande'], `ordföranden ${p.ordförande} tjänstgör inte enligt närvaron`);
  p.justerare.forEach((name, i) => {
    if (!includes(present, name))
      add(
        'protokoll.justerare',
        ['justerare', i],
        `justeraren ${name} var inte närvarande som ledamot eller ersättare`,
      );
    if (sameName(name, p.ordförande))
      add(
        'protokoll.justerare',
        ['justerare', i],
        `justeraren ${name} är ordförande; ordföranden justerar inte sitt eget protokoll`,
      );
  });

  // The timetable: justering within 14 days, anslag at the latest the second day after it, three weeks.
  const afterMeeting = daysBetween(mote.datum, p.justering.datum);
  if (afterMeeting < 0 || afterMeeting > 14)
    add(
      'protokoll.justering-datum',
      ['justering', 'datum'],
      `justeringen ${p.justering.datum} ligger ${afterMeeting} dagar efter sammanträdet ${mote.datum}; den ska ske inom 14 dagar`,
      {
        expected: textFigure(`${mote.datum}–${addDays(mote.datum, 14)}`),
        found: textFigure(p.justering.datum),
      },
    );
  const posted = daysBetween(p.justering.datum, p.anslag.uppsatt);
  if (posted < 0 || posted > 2)
    add(
      'protokoll.anslag',
      ['anslag', 'uppsatt'],
      `anslaget sätts upp ${p.anslag.uppsatt}, men ska sättas upp senast andra dagen efter justeringen ${p.justering.datum}`,
      {
        expected: textFigure(`${p.justering.datum}–${addDays(p.justering.datum, 2)}`),
        found: textFigure(p.anslag.uppsatt),
      },
    );
  const down = addDays(p.anslag.uppsatt, 21);
  if (p.anslag.nedtas !== undefined && p.anslag.nedtas < down)
    add(
      'protokoll.anslag',
      ['anslag', 'nedtas'],
      `anslaget tas ned ${p.anslag.nedtas}, före tre veckor efter ${p.anslag.uppsatt}`,
      {
        expected: textFigure(down),
        found: textFigure(p.anslag.nedtas),
      },
    );

  // § numbers: on from the year's previous protokoll, and as typed.
  if (
    p.första_paragraf !== undefined &&
    protocol.previousLast !== undefined &&
    p.första_paragraf !== protocol.previousLast + 1
  )
    add(
      'protokoll.paragrafnummer',
      ['första_paragraf'],
      `protokollet börjar på § ${p.första_paragraf}, men årets förra protokoll slutar på § ${protocol.previousLast}`,
      {
        expected: textFigure(`§ ${protocol.previousLast + 1}`),
        found: textFigure(`§ ${p.första_paragraf}`),
        hint: 'Utelämna första_paragraf så fortsätter numreringen från förra protokollet.',
      },
    );
  for (const paragraph of protocol.paragraphs) {
    if (paragraph.paragraph.nr !== undefined && paragraph.paragraph.nr !== paragraph.nr)
      add(
        'protokoll.paragrafnummer',
        ['paragrafer', paragraph.index, 'nr'],
        `paragrafen står som § ${paragraph.paragraph.nr}, men ordningen ger § ${paragraph.nr}`,
        {
          expected: textFigure(`§ ${paragraph.nr}`),
          found: textFigure(`§ ${paragraph.paragraph.nr}`),
        },
      );
  }

  // Every agenda item has one §, in agenda order.
  const recorded = new Set<number>();
  for (const paragraph of protocol.paragraphs) {
    const at: Path = ['paragrafer', paragraph.index];
    const { ärende, punkt } = paragraph.paragraph;
    if (!paragraph.item) {
      add(
        'protokoll.paragraf-saknas',
        at,
        ärende === undefined && punkt === undefined
          ? 'paragrafen säger inte vilken punkt den gäller; skriv ärende: eller punkt:'
          : `paragrafen gäller ${ärende ?? `punkt ${punkt}`}, som inte står på föredragningslistan`,
      );
      continue;
    }
    const previous = Math.max(0, ...recorded);
    if (paragraph.item.number < previous)
      add(
        'protokoll.paragrafnummer',
        at,
        `paragrafen för punkt ${paragraph.item.number} står efter punkt ${previous}; paragraferna följer föredragningslistans ordning`,
      );
    if (recorded.has(paragraph.item.number))
      add('protokoll.paragraf-saknas', at, `punkt ${paragraph.item.number} har redan en paragraf`);
    recorded.add(paragraph.item.number);
  }
  for (const item of derived.agenda)
    if (!recorded.has(item.number))
      add(
        'protokoll.paragraf-saknas',
        ['paragrafer'],
        `punkt ${item.number} på föredragningslistan (${item.arende?.rubrik ?? mote.dagordning[item.index]?.rubrik ?? ''}) har ingen paragraf`,
        {
          hint: `Lägg till { ${item.slug ? `ärende: ${item.slug}` : `punkt: ${item.number}`} } i paragrafer, i föredragningslistans ordning.`,
        },
      );

  for (const paragraph of protocol.paragraphs)
    findings.push(...checkParagraph(paragraph, protocol.serving, p.ordförande, least, rule, source));
  return findings;
}

function checkParagraph(
  derived: DerivedParagraph,
  serving: readonly string[],
  chair: string,
  least: number,
  rule: string,
  source: SourceFile,
): Finding[] {
  const findings: Finding[] = [];
  const p = derived.paragraph;
  const base: Path = ['paragrafer', derived.index];
  const add = (code: FindingCode, at: Path, message: string, extra: Parameters<typeof finding>[4] = {}) =>
    findings.push(finding(code, source, [...base, ...at], message, extra));
  const sign = `§ ${derived.nr}`;

  // Jäv: only someone serving can leave for jäv, and takes no part in the §.
  p.jäv.forEach((name, i) => {
    if (!includes(serving, name))
      add('protokoll.jäv', ['jäv', i], `${name} har anmält jäv i ${sign} men tjänstgör inte`);
  });
  if (p.jäv.length > 0 && derived.participants.length < least)
    add(
      'protokoll.beslutförhet',
      ['jäv'],
      `i ${sign} deltar ${derived.participants.length} efter jäv, men styrelsen är beslutför först med ${least} (${rule})`,
      {
        expected: textFigure(`minst ${least}`),
        found: textFigure(String(derived.participants.length)),
      },
    );
  const withJav = (name: string) => includes(p.jäv, name);
  p.yrkanden.forEach((y, i) => {
    if (withJav(y.av)) add('protokoll.jäv', ['yrkanden', i, 'av'], `${y.av} har jäv i ${sign} och kan inte yrka`);
  });

  // Omröstning: every participant votes once; the outcome follows the votes.
  const vote = p.omröstning;
  const losers = new Set<string>();
  if (vote) {
    const sides = [
      ['ja', vote.ja.röster],
      ['nej', vote.nej.röster],
      ['avstår', vote.avstår],
    ] as const;
    const voted = new Set<string>();
    for (const [side, names] of sides) {
      const at: Path = side === 'avstår' ? ['omröstning', 'avstår'] : ['omröstning', side, 'röster'];
      names.forEach((name, i) => {
        if (withJav(name)) add('protokoll.jäv', [...at, i], `${name} har jäv i ${sign} men röstar`);
        else if (!includes(serving, name))
          add('protokoll.omröstning', [...at, i], `${name} tjänstgör inte och kan inte rösta`);
        if (voted.has(name.toLowerCase())) add('protokoll.omröstning', [...at, i], `${name} röstar två gånger`);
        voted.add(name.toLowerCase());
      });
    }
    const cast = vote.ja.röster.length + vote.nej.röster.length + vote.avstår.length;
    if (cast !== derived.participants.length)
      add(
        'protokoll.omröstning',
        ['omröstning'],
        `${cast} röster och avstår, men ${derived.participants.length} deltar i ${sign} (tjänstgörande utom de med jäv)`,
        {
          expected: textFigure(String(derived.participants.length)),
          found: textFigure(String(cast)),
        },
      );
    const ja = vote.ja.röster.length;
    const nej = vote.nej.röster.length;
    const winner = ja > nej ? 'ja' : nej > ja ? 'nej' : undefined;
    const tie = winner === undefined;
    const chairVote = includes(vote.ja.röster, chair) ? 'ja' : includes(vote.nej.röster, chair) ? 'nej' : undefined;
    const decided = winner ?? chairVote;
    if (decided !== undefined && decided !== vote.bifall)
      add(
        'protokoll.omröstning',
        ['omröstning', 'bifall'],
        tie
          ? `${ja} ja mot ${nej} nej: ordförandens utslagsröst (${decided}) avgör, men protokollet skriver bifall till ${vote.bifall}`
          : `${ja} ja mot ${nej} nej ger bifall till ${decided}, men protokollet skriver bifall till ${vote.bifall}`,
        {
          expected: textFigure(decided),
          found: textFigure(vote.bifall),
        },
      );
    if (tie && decided === undefined)
      add(
        'protokoll.omröstning',
        ['omröstning'],
        `${ja} ja mot ${nej} nej, och ordföranden har inte röstat: utslagsrösten saknas`,
      );
    const losing = vote.bifall === 'ja' ? vote.nej.röster : vote.ja.röster;
    for (const name of losing) losers.add(name.toLowerCase());
  }

  // Reservationer: from someone who took part and lost.
  p.reservationer.forEach((r, i) => {
    const at: Path = ['reservationer', i, 'namn'];
    if (withJav(r.namn)) add('protokoll.jäv', at, `${r.namn} har jäv i ${sign} och kan inte reservera sig`);
    else if (!includes(derived.participants, r.namn))
      add('protokoll.reservation', at, `${r.namn} deltar inte i beslutet i ${sign} och kan inte reservera sig`);
    else if (vote ? !losers.has(r.namn.toLowerCase()) : !p.yrkanden.some((y) => sameName(y.av, r.namn) && !y.återtaget))
      add(
        'protokoll.reservation',
        at,
        vote
          ? `${r.namn} röstade inte mot beslutet i ${sign}; bara den som förlorat kan reservera sig`
          : `${r.namn} har inget yrkande i ${sign} som beslutet gick emot`,
      );
  });

  // The decision against the ansökan: never more, nor longer.
  if (p.beslut && derived.decided)
    findings.push(
      ...checkTypedDecision(p.beslut, source, [...base, 'beslut'], derived.decided.ansokan, derived.decided.decision),
    );
  if (p.beslut && !derived.decided)
    add('protokoll.utfall', ['beslut'], `${sign} har ett eget beslut, men punkten avgör ingen ansökan`);
  if ((derived.outcome === 'återremiss' || derived.outcome === 'bordläggning') && (p.beslut || p.att.length > 0))
    add('protokoll.utfall', ['utfall'], `${sign} är ${derived.outcome}, men har också beslut eller att-satser`);
  return findings;
}

/** The typed granted rows of ekonomi.yaml against the register, and the earlier decisions' totals. */
export function checkRegister(
  ekonomi: Loaded<Ekonomi>,
  register: readonly RegisterEntry[],
  beslut: MeetingModel['beslut'],
): Finding[] {
  const findings: Finding[] = [];
  const e = ekonomi.data;
  const known = decidedBy(register, e.per);
  e.samverkansinsatser.beviljade.forEach((row, i) => {
    const at: Path = ['samverkansinsatser', 'beviljade', i];
    const entry = entryOf(known, row);
    if (!entry) {
      if (!row.belopp)
        findings.push(
          finding(
            'register.saknas',
            ekonomi.source,
            at,
            `${row.insats}${row.insatsägare ? ` (${row.insatsägare})` : ''} finns inte i registret över beslut fattade till och med ${e.per}`,
            {
              hint: 'Skriv beloppen i raden, eller lägg beslutet i beslut.yaml eller i ett protokoll.',
            },
          ),
        );
      return;
    }
    if (!row.belopp) return;
    // A decision binds the years ahead; the current year's budget and prognos are the ekonom's estimates.
    e.kolumner.forEach((column, c) => {
      if (column.slag !== 'preliminärt' && column.slag !== 'plan') return;
      const typed = row.belopp?.[c] ?? 0;
      const decided = entry.perYear[String(column.år)] ?? 0;
      if (typed !== decided)
        findings.push(
          finding(
            'register.avviker',
            ekonomi.source,
            [...at, 'belopp', c],
            `${row.insats}, ${column.rubrik}: ${showAmount(typed, 'tkr')} i ekonomin, men beslutet (${entry.organ} ${entry.datum} § ${entry.paragraf}) ger ${showAmount(decided, 'tkr')}`,
            {
              expected: amountFigure(decided, 'tkr'),
              found: amountFigure(typed, 'tkr'),
              hint: `Stryk belopp: så hämtas raden ur registret (${entry.källa}).`,
            },
          ),
        );
    });
  });
  beslut?.data.beslut.forEach((decision, i) => {
    const total = sum(Object.values(decision.per_år));
    if (decision.belopp !== undefined && decision.belopp !== total)
      findings.push(
        finding(
          'register.belopp',
          beslut.source,
          ['beslut', i, 'belopp'],
          `beslutet om ${decision.insats} står som ${showAmount(decision.belopp)}, men åren summerar till ${showAmount(total)}`,
          {
            expected: amountFigure(total),
            found: amountFigure(decision.belopp),
          },
        ),
      );
  });
  return findings;
}
