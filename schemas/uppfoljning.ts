// The half-year follow-up (uppföljning av insatser): one report per insats and period
// (content/uppfoljning/<period>/<insats>.yaml) and the period's own file (uppfoljning/<period>.yaml) with
// the PM's text. An insats is named by its place in the register of decisions («2023-12-07
// § 74»), so its name, owner, period and granted budget are never typed here.
import { z } from 'zod';
import { nonNegativeAmount, percent, period, richText, strictObject, text } from './primitives.js';

/** «2023-12-07 § 74»: the decision in the register the report follows up. */
export const REGISTER_PLACE = /^(\d{4}-\d{2}-\d{2}) *§ *(\d+)$/;
export const registerPlace = z
  .string()
  .regex(REGISTER_PLACE, { error: 'skriv beslutets plats i registret som «ÅÅÅÅ-MM-DD § N», t.ex. «2023-12-07 § 74»' });

/** A follow-up period: «2024-h2» is 1 July–31 December 2024, «2025-h1» 1 January–30 June 2025. */
export const FOLLOW_UP_PERIOD = /^(\d{4})-h([12])$/;

const count = z.number().int().nonnegative();

/** A number of participants by kvinnor and män, with the total as the report states it (checked). */
export const byGender = strictObject({ kvinnor: count, män: count, totalt: count.optional() });

const yesNo = z.enum(['ja', 'nej', 'ej aktuellt']);

export const uppfoljningsrapportSchema = strictObject({
  beslut_i_registret: registerPlace,
  typ: z.enum(['individinsats', 'strukturinsats']),
  /** The short name the PM's tables use, where the register's name is long. */
  tabellnamn: text.optional(),
  /** The insats has not started in the period (a postponed start): why, as the report says it. */
  ej_startad: richText.optional(),
  /** The period is reported in the insats' slutrapport: it ended in the period. */
  slutrapport: z.boolean().default(false),
  måluppfyllelse: strictObject({
    i_fas: z.enum(['ja', 'ja, i stort sett', 'nej']),
    prognos: z.enum(['ja', 'nej']),
    kommentar: richText.optional(),
  }).optional(),
  vakanser: strictObject({ sof_medel: z.boolean(), egenfinansierade: z.boolean() }).optional(),
  avvikelser: z
    .array(strictObject({ område: z.enum(['budget', 'målgrupp/metod', 'mål', 'start']), text: richText }))
    .default([]),
  ekonomiskt_utfall: strictObject({
    enhet: z.enum(['kr', 'tkr']).default('kr'),
    perioden: nonNegativeAmount,
    hittills_i_år: nonNegativeAmount,
    /** The budget for the period and for the year as the report states them; checked against the register. */
    budget_period: nonNegativeAmount.optional(),
    budget_år: nonNegativeAmount.optional(),
    /** Utfall hittills i år / budget för året, as stated; checked. */
    förbrukningskvot: percent.optional(),
  }).optional(),
  kvalitet: strictObject({
    styrgruppsmöten: yesNo,
    representation: yesNo,
    uppföljning: yesNo,
    kontroll_metod: yesNo,
    kontroll_målgrupp: yesNo,
    jämlikhet: yesNo,
    implementering: yesNo,
    avvikelse_målgrupp_metod: yesNo,
  }).optional(),
  deltagarstatistik: strictObject({
    /** The period the figures cover, when it is not the follow-up period (the whole year, say). */
    avser: period.optional(),
    inregistrerade: byGender,
    avslutade: byGender,
    /** Pågående at the end of `avser`. */
    pågående: byGender,
    till_arbete_studier: byGender,
    /** Pågående at the start, when the previous period's report is not in the content. */
    ingående_pågående: byGender.optional(),
    /** Participants moved to a new insats at the end, stated explicitly. */
    överförda: strictObject({ antal: count, till_insats: text.optional() }).optional(),
  }).optional(),
  /** The goals of an ended insats, each with its utfall. */
  slutmål: z.array(strictObject({ mål: richText, utfall: richText, uppfyllt: z.boolean() })).default([]),
  sammanfattande_bedömning: richText.optional(),
});

const statedShares = strictObject({ kvinnor: percent, män: percent });

export const uppfoljningsperiodSchema = strictObject({
  /** The heading as the PM writes it: «Kvartal 3 och 4 2024». */
  rubrik: text,
  sammanfattning: richText.optional(),
  bakgrund: richText.optional(),
  reflektioner: richText.optional(),
  /** Figures the PM states besides its tables (the participants' totals and shares); checked against the reports. */
  angivet: strictObject({
    deltagarstatistik: z
      .record(
        z.enum(['inregistrerade', 'avslutade', 'pågående', 'till_arbete_studier']),
        strictObject({ kvinnor: count, män: count, totalt: count, andelar: statedShares.optional() }),
      )
      .optional(),
    /** Pågående together with those moved to new insatser. */
    pågående_inklusive_överförda: count.optional(),
    /** A figure the PM's text states, by the name of the derived figure ({{…}}) it should equal. */
    figurer: z
      .array(strictObject({ namn: z.string().regex(/^[\p{L}\p{N}_]+$/u), värde: count, avsnitt: text.optional() }))
      .default([]),
  }).default({ figurer: [] }),
});

export type Uppfoljningsrapport = z.output<typeof uppfoljningsrapportSchema>;
export type Uppfoljningsperiod = z.output<typeof uppfoljningsperiodSchema>;
export type ByGender = z.output<typeof byGender>;
