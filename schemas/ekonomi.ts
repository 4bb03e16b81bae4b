import { z } from 'zod';
import { hundredthsToOre } from '../engine/money.js';
import { amount, isoDate, strictObject, text } from './primitives.js';

/** An amount typed in tkr, kept as öre of kronor like every other amount. */
const tkr = amount.transform((hundredths) => hundredthsToOre(hundredths, 'tkr'));
/** One value per column of the table; ~ (null) where the seed's cell is empty. */
const row = z.array(tkr.nullable());

export const economyRow = strictObject({ post: text, belopp: row });
/** A granted insats; without belopp its amounts per year come from the register of decisions. */
export const grantedRow = strictObject({ insats: text, insatsägare: text.optional(), belopp: row.optional() });

export const ekonomiSchema = strictObject({
  per: isoDate,
  /** Amounts in the table are in tkr. */
  enhet: z.literal('tkr'),
  /** The reserve fund, not counted in the result. */
  reservfond: tkr.optional(),
  kolumner: z
    .array(
      strictObject({
        rubrik: text,
        år: z.number().int(),
        slag: z.enum(['utfall', 'budget', 'prognos', 'plan', 'preliminärt']),
        /** The surplus the column starts from, where the förbund states one (an utfall's closing books). */
        ingående_överskott: tkr.optional(),
      }),
    )
    .min(1),
  ingående_överskott: tkr,
  intäkter: z.array(economyRow).min(1),
  summa_intäkter: row.optional(),
  kostnader: z.array(economyRow).min(1),
  samverkansinsatser: strictObject({
    beviljade: z.array(grantedRow).default([]),
    summa_beviljade: row.optional(),
    övriga: z.array(economyRow).default([]),
    summa_övriga: row.optional(),
    summa: row.optional(),
  }),
  summa_kostnader: row.optional(),
  resultat: row.optional(),
  överskott_tidigare_år: row.optional(),
  beslutsutrymme: row.optional(),
});

export type Ekonomi = z.output<typeof ekonomiSchema>;
