// What content says about publication on the web (handlingar publicera): a handling that is
// withheld (sekretess with its OSL reference, or publiceras: nej with a reason), an ärende
// that concerns individuals (the names that must not be published), and who accepted a
// finding of the privacy guard for publication.
import { z } from 'zod';
import { strictObject, text } from './primitives.js';

/** Sekretess: the handling is withheld from the site, and the site names the OSL reference. */
export const sekretess = strictObject({
  /** The provision, e.g. «OSL 26 kap. 1 §». */
  referens: text,
  skäl: text.optional(),
});

/**
 * A decision about publication. `publiceras: nej` withholds the handling (skäl required);
 * `godkänt_av` accepts the privacy guard's findings in this part (skäl required), optionally
 * only those with the codes in `gäller`.
 */
export const publicering = strictObject({
  publiceras: z.enum(['ja', 'nej']).default('ja'),
  skäl: text.optional(),
  godkänt_av: text.optional(),
  gäller: z.array(text).optional(),
}).superRefine((value, ctx) => {
  if ((value.publiceras === 'nej' || value.godkänt_av !== undefined) && value.skäl === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['skäl'],
      message:
        value.publiceras === 'nej'
          ? 'skriv skälet till att handlingen inte publiceras (skäl:)'
          : 'skriv skälet till att fyndet godkänns för publicering (skäl:)',
    });
});

/** An ärende about individuals: their names are searched for in everything published. */
export const rörEnskilda = strictObject({
  /** The participants' names, exactly as they might be written. */
  deltagare: z.array(text).default([]),
});

export type Sekretess = z.output<typeof sekretess>;
export type Publicering = z.output<typeof publicering>;
