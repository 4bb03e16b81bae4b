// What the protokoll of a meeting gives once read against its agenda: each paragraf's §
// number, the agenda item it records, what was decided (the förslag, or the board's own
// decision on the ansökan) and who took part; the anslag's last day.
import type { Ansokan, Arende, Outcome, Paragraph, Protokoll } from '../../schemas/index.js';
import type { Loaded, MeetingModel } from '../load/content.js';
import type { NumberedItem } from './agenda.js';
import { deriveDecision, type Decision } from './decision.js';
import { decisions } from './meeting.js';

export interface DerivedParagraph {
  /** The paragraf's index in protokoll.yaml's `paragrafer`. */
  index: number;
  /** Its § number. */
  nr: number;
  paragraph: Paragraph;
  /** The agenda item it records; undefined when it names none that exists. */
  item?: NumberedItem;
  rubrik: string;
  outcome: Outcome;
  /** The decision on the ärende's ansökan, when the board decided on it (as proposed or otherwise). */
  decided?: { slug: string; arende: Loaded<Arende>; ansokan: Loaded<Ansokan>; decision: Decision };
  /** Serving members who took part: those serving less those with jäv. */
  participants: string[];
}

export interface DerivedProtocol {
  protokoll: Loaded<Protokoll>;
  paragraphs: DerivedParagraph[];
  first: number;
  last: number;
  /** The last § of the year's previous protokoll in the content, where there is one. */
  previousLast?: number;
  /** Everyone who serves: ordinarie ledamöter and tjänstgörande ersättare. */
  serving: string[];
  /** The day the anslag may come down: three weeks after it went up. */
  nedtas: string;
}

/** An ISO date moved by whole days, in UTC so that no time zone shifts it. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The agenda item a paragraf records: by its ärende, else by its number. */
export function itemOf(paragraph: Paragraph, agenda: readonly NumberedItem[]): NumberedItem | undefined {
  if (paragraph.ärende !== undefined) return agenda.find((item) => item.slug === paragraph.ärende);
  if (paragraph.punkt !== undefined) return agenda.find((item) => item.number === paragraph.punkt);
  return undefined;
}

/** An item's rubrik as the föredragningslista has it. */
function rubrikOf(meeting: MeetingModel, item: NumberedItem | undefined): string {
  if (!item) return '';
  return (item.arende?.rubrik ?? meeting.mote?.data.dagordning[item.index]?.rubrik ?? '').replace(/\*/g, '');
}

function defaultOutcome(paragraph: Paragraph, item: NumberedItem | undefined, meeting: MeetingModel): Outcome {
  if (paragraph.utfall) return paragraph.utfall;
  if (paragraph.beslut) return 'eget beslut';
  if (item?.arende) return 'enligt förslag';
  const typed = item ? meeting.mote?.data.dagordning[item.index] : undefined;
  return typed?.information && paragraph.att.length === 0 ? 'informationen noteras' : 'eget beslut';
}

export function deriveProtocol(
  meeting: MeetingModel,
  agenda: readonly NumberedItem[],
  previousLast: number | undefined,
): DerivedProtocol | undefined {
  const protokoll = meeting.protokoll;
  if (!protokoll) return undefined;
  const p = protokoll.data;
  const first = p.första_paragraf ?? (previousLast ?? 0) + 1;
  const serving = [...p.närvaro.ledamöter, ...p.närvaro.tjänstgörande_ersättare.map((e) => e.namn)];
  const paragraphs = p.paragrafer.map((paragraph, index): DerivedParagraph => {
    const item = itemOf(paragraph, agenda);
    const outcome = defaultOutcome(paragraph, item, meeting);
    const slug = item?.slug;
    const arende = slug ? meeting.arenden.get(slug) : undefined;
    const ansokan = arende?.data.ansökan ? meeting.ansokningar.get(arende.data.ansökan) : undefined;
    const decides = outcome === 'enligt förslag' || outcome === 'eget beslut';
    const decided =
      slug && arende && ansokan && decides
        ? {
            slug,
            arende,
            ansokan,
            // As proposed: the meeting's decision, derived once; otherwise the board's own.
            decision: paragraph.beslut
              ? deriveDecision(ansokan.data, { ...arende.data, beslut: paragraph.beslut })
              : (decisions(meeting).get(slug)?.decision ?? deriveDecision(ansokan.data, arende.data)),
          }
        : undefined;
    return {
      index,
      nr: first + index,
      paragraph,
      ...(item ? { item } : {}),
      rubrik: rubrikOf(meeting, item),
      outcome,
      ...(decided ? { decided } : {}),
      participants: serving.filter((name) => !paragraph.jäv.includes(name)),
    };
  });
  return {
    protokoll,
    paragraphs,
    first,
    last: first + paragraphs.length - 1,
    ...(previousLast !== undefined ? { previousLast } : {}),
    serving,
    nedtas: p.anslag.nedtas ?? addDays(p.anslag.uppsatt, 21),
  };
}
