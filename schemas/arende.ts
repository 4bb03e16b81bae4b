import { z } from 'zod';
import { isoDate, nonNegativeAmount, perYear, period, richText, slug, strictObject, text } from './primitives.js';

export const adjustment = strictObject({
  /** The amount removed from the application, in kronor. */
  belopp: nonNegativeAmount,
  per_år: perYear.optional(),
  /** The party whose column is reduced; defaults to the huvudinsatsägare. */
  part: text.optional(),
  skäl: text,
  föreslagen_av: text,
});

export const attachment = strictObject({
  rubrik: text,
  /** A document written here as rich text … */
  text: richText.optional(),
  /** … or a .docx/.pdf file inside the content folder, relative to the meeting folder. */
  fil: text.optional(),
});

export const arendeSchema = strictObject({
  rubrik: text,
  föredragande: text,
  /** The ansökan this ärende decides on: ansokningar/<slug>.yaml. */
  ansökan: slug.optional(),
  förslag_till_beslut: strictObject({
    /** Who is proposed to decide; defaults to the meeting's organ. */
    organ: text.optional(),
    /** Att-satser after the standard ones (or instead of them, with ersätt_standard). */
    att: z.array(richText).default([]),
    /** For an ansökan: use only these att-satser; amounts and dates in them are checked. */
    ersätt_standard: z.boolean().default(false),
  }).optional(),
  /**
   * Derived from the ansökan and the justeringar; leave it out. When a person has typed it
   * anyway (as in an older tjänsteskrivelse), it is checked against what the engine derives.
   */
  beslut: strictObject({ period: period, belopp: nonNegativeAmount }).optional(),
  justeringar: z.array(adjustment).default([]),
  ärendet: richText.optional(),
  /** A table the engine derives and shows after the text: the meeting's ansökningar, or the förbund's economy. */
  tabell: z.enum(['ansökningar', 'ekonomi']).optional(),
  bedömning: richText.optional(),
  undertecknare: text,
  datum: isoDate.optional(),
  bilagor: z.array(attachment).default([]),
});

export type Arende = z.output<typeof arendeSchema>;
export type Adjustment = z.output<typeof adjustment>;
