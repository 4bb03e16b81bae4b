// The protokoll of a meeting (protokoll.yaml beside mote.yaml): who took part, who signs,
// and per agenda item what happened. An ärende whose paragraf says nothing else was decided
// as proposed; everything the engine can derive (§ numbers, att-satser, anslag dates) is.
import { z } from 'zod';
import { arendeSchema } from './arende.js';
import { isoDate, nonNegativeAmount, perYear, period, richText, slug, strictObject, text } from './primitives.js';

/** A board decision of its own, shaped as an ärende's `beslut` (amount, period, cap, conditions). */
export const ownDecision = arendeSchema.shape.beslut.unwrap();

export const OUTCOMES = [
  'enligt förslag',
  'eget beslut',
  'återremiss',
  'bordläggning',
  'informationen noteras',
] as const;

const names = z.array(text).default([]);

const voteSide = strictObject({
  /** What a vote on this side supports: «förslaget» or a yrkande. */
  för: text,
  röster: names,
});

export const paragraph = strictObject({
  /** The agenda item the paragraf records: the ärende's file name … */
  ärende: slug.optional(),
  /** … or the item's number on the föredragningslista, for items without a file. */
  punkt: z.number().int().positive().optional(),
  /** The § number; derived from the order, checked when typed. */
  nr: z.number().int().positive().optional(),
  /** What was decided; an ärende defaults to its förslag, an information item to «informationen noteras». */
  utfall: z.enum(OUTCOMES).optional(),
  /** The board's own decision on the ansökan, where it departs from the förslag. */
  beslut: ownDecision.optional(),
  /** Att-satser as decided, for items without a förslag (val av justerare) or in place of the förslag's own. */
  att: z.array(richText).default([]),
  /** Why the ärende was sent back or postponed, as the protokoll writes it. */
  motivering: richText.optional(),
  /** What the protokoll records under the § besides the decision: «Inga övriga frågor anmäls.» */
  text: richText.optional(),
  yrkanden: z.array(strictObject({ av: text, yrkande: richText, återtaget: z.boolean().default(false) })).default([]),
  /** How the ordförande put the proposals: «Ordföranden ställer proposition på …». */
  propositionsordning: richText.optional(),
  omröstning: strictObject({
    ja: voteSide,
    nej: voteSide,
    avstår: names,
    /** The side the board's decision follows. */
    bifall: z.enum(['ja', 'nej']),
  }).optional(),
  reservationer: z.array(strictObject({ namn: text, skäl: richText.optional() })).default([]),
  /** Who declared jäv and left the room for this §. */
  jäv: names,
  protokollsanteckningar: z.array(strictObject({ namn: text, text: richText })).default([]),
  /** The § is justerad at once, at the meeting. */
  omedelbar_justering: z.boolean().default(false),
});

export const protokollSchema = strictObject({
  närvaro: strictObject({
    /** Ordinarie ledamöter who serve. */
    ledamöter: names,
    /** Ersättare who serve, each for an absent ordinarie ledamot. */
    tjänstgörande_ersättare: z.array(strictObject({ namn: text, ersätter: text })).default([]),
    /** Ersättare present without serving. */
    ersättare: names,
    /** Others present: kansli, adjungerade, föredragande guests. */
    övriga: z.array(strictObject({ namn: text, roll: text.optional() })).default([]),
  }),
  ordförande: text,
  sekreterare: text,
  justerare: z.array(text).min(1),
  justering: strictObject({ datum: isoDate, plats: text }),
  anslag: strictObject({
    /** The day the notice of justering goes up; at the latest the second day after the justering. */
    uppsatt: isoDate,
    /** Derived (three weeks after uppsatt); checked when typed. */
    nedtas: isoDate.optional(),
    förvaringsplats: text,
  }),
  /** The first § number; left out, it continues from the year's previous protokoll in the content (else 1). */
  första_paragraf: z.number().int().positive().optional(),
  paragrafer: z.array(paragraph).min(1),
});

/** Decisions taken before the förbund used handlingar (content/beslut.yaml): the start of the register. */
export const earlierDecision = strictObject({
  insats: text,
  insatsägare: text,
  organ: text.optional(),
  datum: isoDate,
  paragraf: z.number().int().positive(),
  period,
  /** The granted total; checked against per_år when typed. */
  belopp: nonNegativeAmount.optional(),
  per_år: perYear,
});

export const beslutSchema = strictObject({ beslut: z.array(earlierDecision).default([]) });

export type Protokoll = z.output<typeof protokollSchema>;
export type Paragraph = z.output<typeof paragraph>;
export type Outcome = (typeof OUTCOMES)[number];
export type EarlierDecision = z.output<typeof earlierDecision>;
export type Beslut = z.output<typeof beslutSchema>;
