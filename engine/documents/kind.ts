// What a document kind is: its data schema (in schemas/documents.ts), how it plans its
// documents from a meeting, and its outline — the document in reading order as blocks, for
// writers that lay a document out themselves (HTML). The Word writer fills the kind's
// template with the same data instead.
import type { Block } from '../../schemas/document.js';
import type { Ansokan, DocumentKindName, DOCUMENT_DATA, Forbund, Mote } from '../../schemas/index.js';
import type { z } from 'zod';
import type { NumberedItem } from '../derive/agenda.js';
import type { DerivedMeeting } from '../derive/meeting.js';
import type { MeetingModel } from '../load/content.js';

export type DataOf<K extends DocumentKindName> = z.infer<(typeof DOCUMENT_DATA)[K]>;

/** One document of a product, planned and numbered, with its data; nothing written yet. */
export interface PlannedDocument<K extends DocumentKindName = DocumentKindName> {
  /** File name without extension; sorts in agenda order: "05-tjansteskrivelse-vaxtkraft". */
  name: string;
  kind: K;
  /** How the föredragningslista names it, for listings, page titles and PDF bookmarks. */
  title: string;
  /** Its bilaga number ("5", "5.1"); none for the kallelse. */
  bilaga?: string;
  orientation: 'portrait' | 'landscape';
  data: DataOf<K>;
  /** For a bilaga that is an existing file: its absolute path, copied instead of written. */
  copyFrom?: string;
  /** «UTKAST – kontrollen har 3 fel»: set by the build while check has errors, shown first. */
  draft?: string;
}

/** The draft mark of a document built while check has `errors` errors; none without errors. */
export const draftMark = (errors: number): string | undefined =>
  errors > 0 ? `UTKAST – kontrollen har ${errors} fel` : undefined;

/** What every planner may read: the validated meeting and what was derived from it. */
export interface MeetingContext {
  meeting: MeetingModel;
  derived: DerivedMeeting;
  forbund: Forbund;
  mote: Mote;
}

/** An agenda item that is an ärende, for the kinds planned per item. */
export interface ItemContext extends MeetingContext {
  item: NumberedItem & Required<Pick<NumberedItem, 'slug' | 'arende'>>;
}

/** A kind planned once per meeting (the kallelse), or once per agenda item that is an ärende. */
export type DocumentKind<K extends DocumentKindName> = {
  name: K;
  /** The document in reading order, as the model's blocks. */
  outline(data: DataOf<K>): Block[];
} & (
  | { scope: 'meeting'; plan(context: MeetingContext): PlannedDocument<K>[] }
  | { scope: 'item'; plan(context: ItemContext): PlannedDocument<K>[] }
);

/** Two digits, so that file names sort in agenda order: 5 → "05". */
export const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The ansökan and its budget: documents of an ärende's ansökan, sharing its bilaga number
 * (N.1, as "5.1a" and "5.1b" in file names). Nothing when the ärende decides on no ansökan.
 */
export function planAnsokanDocument<K extends 'ansokan' | 'budget'>(
  context: ItemContext,
  kind: K,
  spec: { letter: string; label: string; orientation: PlannedDocument['orientation'] },
  data: (forbund: Forbund, ansokan: Ansokan, bilaga: string) => DataOf<K>,
): PlannedDocument<K>[] {
  const decided = context.derived.decisions.get(context.item.slug);
  const bilaga = context.item.numbers.ansokan;
  if (!decided || !bilaga) return [];
  return [
    {
      name: `${pad(context.item.number)}.${bilaga.split('.')[1]}${spec.letter}-${kind}-${context.item.slug}`,
      kind,
      title: `${bilaga} ${spec.label}`,
      bilaga,
      orientation: spec.orientation,
      data: data(context.forbund, decided.ansokan.data, bilaga),
    },
  ];
}
