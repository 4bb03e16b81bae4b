// After the meeting: the protokoll (närvaro, one § per agenda item, the signatures), the
// anslagsbevis that announces its justering, and one protokollsutdrag per § with a decision.
// The text of a § is written once (paragraphText) and shared by the protokoll and its utdrag.
import type { Block } from '../../schemas/document.js';
import type { Forbund, Mote } from '../../schemas/index.js';
import { handlingText } from '../derive/agenda.js';
import type { DerivedParagraph, DerivedProtocol } from '../derive/protocol.js';
import type { DerivedMeeting } from '../derive/meeting.js';
import { formatDateLong, formatMeetingDay, formatTimeSpan } from '../format/swedish.js';
import { heading, labelled, plainParagraph } from './blocks.js';
import type { DataOf, DocumentKind, MeetingContext, PlannedDocument } from './kind.js';
import { markdownBlocks } from './markdown.js';
import { decisionClauses } from './tjansteskrivelse.js';

const MISSING = 'uppgift saknas';

/** A board member as the närvaro writes them: «Mats Kristiansson (S)». */
function withParty(forbund: Forbund, name: string): string {
  const member = [...forbund.styrelse.ordinarie, ...forbund.styrelse.ersättare].find((m) => m.namn === name);
  return member?.parti ? `${name} (${member.parti})` : name;
}

const names = (list: readonly string[]) =>
  list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} och ${list.at(-1)}`;

/** The att-satser as decided: the förslag's, or the board's own decision, or the protokoll's own. */
export function decidedClauses(forbund: Forbund, paragraph: DerivedParagraph): string[] {
  const p = paragraph.paragraph;
  const arende = paragraph.item?.arende;
  if (paragraph.outcome === 'återremiss') return ['att återremittera ärendet till kansliet'];
  if (paragraph.outcome === 'bordläggning') return ['att bordlägga ärendet'];
  if (paragraph.outcome === 'informationen noteras') return p.att;
  if (p.att.length > 0 && !paragraph.decided) return p.att;
  const decided = paragraph.decided;
  const standard =
    decided && arende
      ? decisionClauses(
          forbund,
          decided.ansokan.data,
          p.beslut ? { ...arende, beslut: p.beslut } : arende,
          decided.decision,
        )
      : [];
  return [...standard, ...(p.att.length > 0 ? p.att : (arende?.förslag_till_beslut?.att ?? []))];
}

/** A § written out: beslutsunderlag, jäv, yrkanden, omröstning, the decision, reservationer, notes. */
export function paragraphText(
  forbund: Forbund,
  mote: Mote,
  derived: DerivedMeeting,
  paragraph: DerivedParagraph,
): Block[] {
  const p = paragraph.paragraph;
  const organ = mote.organ;
  const figures = paragraph.item?.slug ? (derived.figures.get(paragraph.item.slug) ?? {}) : {};
  const blocks: Block[] = [];
  const item = paragraph.item;
  if (item && item.bilagor.length > 0)
    blocks.push(
      labelled('Beslutsunderlag', `Tjänsteskrivelse och handlingar, ${handlingText(item.bilagor)} till kallelsen.`),
    );
  if (p.jäv.length > 0)
    blocks.push(
      labelled(
        'Jäv',
        `${names(p.jäv.map((n) => withParty(forbund, n)))} anmäler jäv och deltar inte i handläggningen eller beslutet.`,
      ),
    );
  if (p.text) blocks.push(...markdownBlocks(p.text, figures));
  const yrkanden = p.yrkanden.filter((y) => !y.återtaget);
  if (yrkanden.length > 0)
    blocks.push(labelled('Yrkanden', yrkanden.map((y) => `${withParty(forbund, y.av)} yrkar ${y.yrkande}.`).join(' ')));
  if (p.propositionsordning) blocks.push(labelled('Propositionsordning', p.propositionsordning));
  const vote = p.omröstning;
  if (vote) {
    const side = (label: string, list: readonly string[]) =>
      `${label}: ${list.length}${list.length ? ` (${names(list.map((n) => withParty(forbund, n)))})` : ''}.`;
    const ja = vote.ja.röster.length;
    const nej = vote.nej.röster.length;
    const winner = vote.bifall === 'ja' ? vote.ja.för : vote.nej.för;
    blocks.push(
      heading(3, 'Omröstning'),
      plainParagraph(side(`Ja, för ${vote.ja.för}`, vote.ja.röster)),
      plainParagraph(side(`Nej, för ${vote.nej.för}`, vote.nej.röster)),
      plainParagraph(side('Avstår', vote.avstår)),
      plainParagraph(
        ja === nej
          ? `Med ${ja} ja-röster mot ${nej} nej-röster avgör ordförandens utslagsröst: ${organ.toLowerCase()} bifaller ${winner}.`
          : `Med ${ja} ja-röster mot ${nej} nej-röster bifaller ${organ.toLowerCase()} ${winner}.`,
      ),
    );
  }
  if (paragraph.outcome === 'informationen noteras' && p.att.length === 0) {
    const typed = item ? mote.dagordning[item.index] : undefined;
    if (typed?.information || item?.arende) blocks.push(plainParagraph(`${organ} noterar informationen.`));
  } else {
    const clauses = decidedClauses(forbund, paragraph);
    if (clauses.length > 0) {
      blocks.push(heading(3, 'Beslut'), plainParagraph(`${organ} beslutar`));
      for (const clause of clauses)
        blocks.push(...markdownBlocks(clause.startsWith('att ') ? clause : `att ${clause}`, figures));
    }
  }
  if (p.motivering) blocks.push(labelled('Motivering', p.motivering));
  for (const r of p.reservationer)
    blocks.push(
      labelled(
        'Reservation',
        r.skäl
          ? `${withParty(forbund, r.namn)} reserverar sig mot beslutet med en skriftlig motivering: ${r.skäl}`
          : `${withParty(forbund, r.namn)} reserverar sig mot beslutet.`,
      ),
    );
  for (const note of p.protokollsanteckningar)
    blocks.push(labelled('Protokollsanteckning', `${withParty(forbund, note.namn)}: ${note.text}`));
  if (p.omedelbar_justering) blocks.push(plainParagraph('Paragrafen justeras omedelbart.'));
  return blocks;
}

export const paragraphTitle = (paragraph: DerivedParagraph) =>
  `§ ${paragraph.nr} ${paragraph.rubrik || 'Punkt utan rubrik'}`;

const range = (protocol: DerivedProtocol) =>
  protocol.first === protocol.last ? `§ ${protocol.first}` : `§§ ${protocol.first}–${protocol.last}`;

const justeringText = (protocol: DerivedProtocol) =>
  `${protocol.protokoll.data.justering.plats}, ${formatMeetingDay(protocol.protokoll.data.justering.datum)}`;

function protokollData({ forbund, mote, derived }: MeetingContext, protocol: DerivedProtocol): DataOf<'protokoll'> {
  const p = protocol.protokoll.data;
  const line = (text: string) => ({ text });
  return {
    förbund: forbund.namn,
    organ: mote.organ,
    rubrik: `Protokoll från ${mote.organ.toLowerCase()}s sammanträde`,
    dag: formatMeetingDay(mote.datum),
    tid: mote.tid ? formatTimeSpan(mote.tid.från, mote.tid.till) : MISSING,
    plats: mote.plats ?? MISSING,
    paragrafer_omfång: range(protocol),
    ledamöter: p.närvaro.ledamöter.map((n) => line(withParty(forbund, n))),
    tjänstgörande_ersättare: p.närvaro.tjänstgörande_ersättare.map((e) =>
      line(`${withParty(forbund, e.namn)}, ersätter ${e.ersätter}`),
    ),
    har_ersättare: p.närvaro.ersättare.length > 0,
    ersättare: p.närvaro.ersättare.map((n) => line(withParty(forbund, n))),
    övriga: p.närvaro.övriga.map((o) => line(o.roll ? `${o.namn}, ${o.roll}` : o.namn)),
    paragrafer: protocol.paragraphs.map((paragraph) => ({
      rubrik: paragraphTitle(paragraph),
      text: paragraphText(forbund, mote, derived, paragraph),
    })),
    ordförande: p.ordförande,
    sekreterare: p.sekreterare,
    justerare: p.justerare.map((namn) => ({ namn })),
    justering: justeringText(protocol),
  };
}

function protokollOutline(d: DataOf<'protokoll'>): Block[] {
  const roster = (title: string, lines: readonly { text: string }[]): Block[] =>
    lines.length === 0
      ? []
      : [
          heading(3, title),
          { type: 'list', ordered: false, items: lines.map((l) => [plainParagraph(l.text, 'table')]) },
        ];
  return [
    heading(1, d.rubrik),
    labelled('Dag', d.dag),
    labelled('Tid', d.tid),
    labelled('Plats', d.plats),
    labelled('Paragrafer', d.paragrafer_omfång),
    heading(2, 'Närvarande'),
    ...roster('Tjänstgörande ledamöter', d.ledamöter),
    ...roster('Tjänstgörande ersättare', d.tjänstgörande_ersättare),
    ...roster('Ersättare, ej tjänstgörande', d.ersättare),
    ...roster('Övriga närvarande', d.övriga),
    ...d.paragrafer.flatMap((p) => [heading(2, p.rubrik), ...p.text]),
    heading(2, 'Underskrifter'),
    labelled('Justeringens plats och tid', d.justering),
    plainParagraph(`Sekreterare: ${d.sekreterare}`),
    plainParagraph(`Ordförande: ${d.ordförande}`),
    ...d.justerare.map((j) => plainParagraph(`Justerare: ${j.namn}`)),
  ];
}

export const protokoll: DocumentKind<'protokoll'> = {
  name: 'protokoll',
  scope: 'meeting',
  plan: (context) => {
    const protocol = context.derived.protocol;
    if (!protocol) return [];
    return [
      {
        name: '00-protokoll',
        kind: 'protokoll',
        title: `Protokoll ${context.mote.datum}`,
        orientation: 'portrait',
        data: protokollData(context, protocol),
      },
    ];
  },
  outline: protokollOutline,
};

function anslagsbevisData({ forbund, mote }: MeetingContext, protocol: DerivedProtocol): DataOf<'anslagsbevis'> {
  const p = protocol.protokoll.data;
  return {
    förbund: forbund.namn,
    organ: mote.organ,
    sammanträdesdatum: { type: 'date', iso: mote.datum },
    paragrafer: range(protocol),
    justerat: { type: 'date', iso: p.justering.datum },
    uppsatt: { type: 'date', iso: p.anslag.uppsatt },
    nedtas: { type: 'date', iso: protocol.nedtas },
    förvaringsplats: p.anslag.förvaringsplats,
    underskrift: p.sekreterare,
  };
}

export const anslagsbevis: DocumentKind<'anslagsbevis'> = {
  name: 'anslagsbevis',
  scope: 'meeting',
  plan: (context) => {
    const protocol = context.derived.protocol;
    if (!protocol) return [];
    return [
      {
        name: '01-anslagsbevis',
        kind: 'anslagsbevis',
        title: 'Anslagsbevis',
        orientation: 'portrait',
        data: anslagsbevisData(context, protocol),
      },
    ];
  },
  outline: (d) => [
    heading(1, 'Anslagsbevis'),
    plainParagraph(
      `Protokollet är justerat. Justeringen har tillkännagivits genom anslag på ${d.förbund}s anslagstavla.`,
    ),
    labelled('Organ', d.organ),
    labelled('Sammanträdesdatum', d.sammanträdesdatum),
    labelled('Paragrafer', d.paragrafer),
    labelled('Protokollet justerat', d.justerat),
    labelled('Anslaget uppsatt', d.uppsatt),
    labelled('Anslaget nedtas tidigast', d.nedtas),
    labelled('Förvaringsplats för protokollet', d.förvaringsplats),
    plainParagraph(`Underskrift: ${d.underskrift}`),
  ],
};

/** Those a § is sent to: for an ansökan its insatsägare and samverkansparter, and always the akt. */
function recipients(paragraph: DerivedParagraph): string[] {
  const ansokan = paragraph.decided?.ansokan.data;
  const parties = ansokan ? [ansokan.insatsägare, ...ansokan.samverkansparter] : [];
  return [...new Set(parties), 'Akten'];
}

/** The §§ that get an utdrag: every ärende's § with a decision (not mere information). */
export const hasExtract = (paragraph: DerivedParagraph) =>
  paragraph.item?.arende !== undefined && paragraph.outcome !== 'informationen noteras';

export const protokollsutdrag: DocumentKind<'protokollsutdrag'> = {
  name: 'protokollsutdrag',
  scope: 'meeting',
  plan: ({ forbund, mote, derived }) => {
    const protocol = derived.protocol;
    if (!protocol) return [];
    const p = protocol.protokoll.data;
    return protocol.paragraphs.filter(hasExtract).map((paragraph): PlannedDocument<'protokollsutdrag'> => ({
      name: `02-protokollsutdrag-${String(paragraph.nr).padStart(3, '0')}-${paragraph.item?.slug ?? 'punkt'}`,
      kind: 'protokollsutdrag',
      title: `Protokollsutdrag ${paragraphTitle(paragraph)}`,
      orientation: 'portrait',
      data: {
        förbund: forbund.namn,
        organ: mote.organ,
        dag: formatMeetingDay(mote.datum),
        rubrik: paragraphTitle(paragraph),
        text: paragraphText(forbund, mote, derived, paragraph),
        justerat: paragraph.paragraph.omedelbar_justering
          ? 'Paragrafen justerades omedelbart vid sammanträdet.'
          : `Protokollet justerat ${formatDateLong(p.justering.datum)}.`,
        utdragsbestyrkande: `Utdraget bestyrks: ${p.sekreterare}`,
        expedieras: recipients(paragraph).map((namn) => ({ namn })),
      },
    }));
  },
  outline: (d) => [
    heading(1, `Protokollsutdrag, ${d.organ.toLowerCase()} ${d.dag}`),
    heading(2, d.rubrik),
    ...d.text,
    plainParagraph(d.justerat),
    labelled('Utdragsbestyrkande', d.utdragsbestyrkande),
    heading(3, 'Expedieras till'),
    { type: 'list', ordered: false, items: d.expedieras.map((e) => [plainParagraph(e.namn, 'table')]) },
  ],
};
