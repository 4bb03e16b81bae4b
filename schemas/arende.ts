import { z } from 'zod';
import {
  isoDate,
  nonNegativeAmount,
  percent,
  perYear,
  period,
  richText,
  slug,
  strictObject,
  text,
} from './primitives.js';
import { publicering, rörEnskilda, sekretess } from './publicering.js';

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
  sekretess: sekretess.optional(),
  publicering: publicering.optional(),
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
   * The decision, where it is not simply the ansökan less the justeringar. Left out, it is
   * derived. A typed amount or period equal to the derived one is checked as a copy; a board
   * that grants less or for a shorter time says so with `delvis` (the reason), and the
   * att-satser then follow what was decided. A decision never exceeds what was applied for.
   */
  beslut: strictObject({
    belopp: nonNegativeAmount.optional(),
    period: period.optional(),
    /** A yearly cap: «högst 300 000 kr per år». */
    högst_per_år: nonNegativeAmount.optional(),
    /** The decided amounts per year, where the board stated them. */
    per_år: perYear.optional(),
    /** The förbund's share of a joint financing, as the decision states it. */
    andel: percent.optional(),
    /** Why the board grants less or for a shorter time than the ansökan (a partial grant). */
    delvis: text.optional(),
    /** Conditions of the decision, as further att-satser. */
    villkor: z.array(richText).default([]),
  }).optional(),
  justeringar: z.array(adjustment).default([]),
  ärendet: richText.optional(),
  /** A table the engine derives and shows after the text: the meeting's ansökningar, or the förbund's economy. */
  tabell: z.enum(['ansökningar', 'ekonomi']).optional(),
  bedömning: richText.optional(),
  undertecknare: text,
  datum: isoDate.optional(),
  bilagor: z.array(attachment).default([]),
  sekretess: sekretess.optional(),
  publicering: publicering.optional(),
  rör_enskilda: rörEnskilda.optional(),
});

export type Arende = z.output<typeof arendeSchema>;
export type Adjustment = z.output<typeof adjustment>;
