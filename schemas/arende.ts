import { z } from 'zod';
import { isoDate, nonNegativeAmount, perYear, period, richText, slug, strictObject, text } from './primitives.js';

export const adjustment = strictObject({
  /** The amount removed from the application, in kronor. */
  belopp: nonNegativeAmount,
  per_år: perYear.optional(),
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
    att: z.array(richText).default([]),
  }).optional(),
  /** The decision proposed for an ansökan, as the att-sats states it. */
  beslut: strictObject({ period: period, belopp: nonNegativeAmount }).optional(),
  justeringar: z.array(adjustment).default([]),
  ärendet: richText.optional(),
  bedömning: richText.optional(),
  undertecknare: text,
  datum: isoDate.optional(),
  bilagor: z.array(attachment).default([]),
});

export type Arende = z.output<typeof arendeSchema>;
export type Adjustment = z.output<typeof adjustment>;
