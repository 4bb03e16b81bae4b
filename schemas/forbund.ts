import { z } from 'zod';
import { strictObject, text } from './primitives.js';

export const member = strictObject({
  namn: text,
  /** Short names used in budgets and tables: "AF", "FK", "Region". */
  kortnamn: z.array(text).default([]),
});

export const boardMember = strictObject({
  namn: text,
  parti: text.optional(),
  uppdrag: z.enum(['ordförande', '1:e vice ordförande', '2:e vice ordförande']).optional(),
});

export const kansliMember = strictObject({
  namn: text,
  roll: z.enum(['förbundschef', 'verksamhetsutvecklare', 'processtödjare', 'ekonom', 'administratör']),
});

export const agreementSection = strictObject({ rubrik: text, text: text });

export const forbundSchema = strictObject({
  namn: text,
  medlemmar: z.array(member).min(1),
  styrelse: strictObject({
    ordinarie: z.array(boardMember).min(1),
    ersättare: z.array(boardMember).default([]),
  }),
  kansli: z.array(kansliMember).min(1),
  texter: strictObject({
    /** The fixed Överenskommelse of every ansökan; applicants may not change it. */
    överenskommelse: z.array(agreementSection).min(1),
    /** The standard conditions that follow every grant, as att-satser. */
    villkor: z.array(text).min(1),
  }),
});

export type Forbund = z.output<typeof forbundSchema>;
export type KansliMember = z.output<typeof kansliMember>;
