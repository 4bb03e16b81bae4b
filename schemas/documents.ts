// The data of each document kind: the contract between the engine and every writer, and
// between the engine and a förbund's own Word template (which may only use these tags).
// `handlingar data` prints these objects. Fields of blocks (rich text, tables) go into a
// Word template with a raw tag {@…}, which the Word writer fills with OOXML; all others {…},
// typed values (amounts, dates) written the Swedish way by the writer.
import { z } from 'zod';
import { blocks, value } from './document.js';

const text = z.string();
const line = z.object({ text });

export const kallelseData = z.object({
  förbund: text,
  /** The organ that meets, as the roster's heading: «Förbundsstyrelsen». */
  organ: text,
  rubrik: text,
  dag: text,
  tid: text,
  plats: text,
  förhinder: text,
  medlemmar: z.array(z.object({ namn: text })),
  ordinarie: z.array(line),
  ersättare: z.array(line),
  /** Present by right without a vote; none in most förbund. */
  har_adjungerade: z.boolean(),
  adjungerade: z.array(line),
  kansli: z.array(line),
  /** The agenda as a table: nr, ärenderubrik, föredragande (on one line), övriga uppgifter. */
  föredragningslista: blocks,
  ordförande: text,
});

export const tjansteskrivelseData = z.object({
  förbund: text,
  bilaga: text,
  möte: text,
  rubrik: blocks,
  föreslås: text,
  att: z.array(z.object({ text: blocks })),
  har_justeringar: z.boolean(),
  /** The kansli's justeringar as a table: belopp, skäl, föreslagen av. */
  justeringar: blocks,
  ärendet: blocks,
  /** A derived table (sammanställning or ekonomisk information); no blocks when the ärende has none. */
  tabell: blocks,
  bedömning: blocks,
  undertecknare: text,
  titel: text,
});

export const ansokanData = z.object({
  förbund: text,
  bilaga: text,
  insats: text,
  typ: text,
  ansökningstyp: text,
  insatsägare: text,
  samverkansparter: text,
  målgrupp: blocks,
  ålder: text,
  från: value,
  till: value,
  sista_intag: text,
  deltagare: text,
  /** The text sections of the förbund's ansökan form, in its order. */
  avsnitt: z.array(z.object({ rubrik: text, text: blocks })),
  /** The question about the förbund's local group, once; none when the förbund has no such group. */
  lokal_grupp: z.array(z.object({ rubrik: text, fråga: text, svar: text, hur: blocks })),
  sökt: value,
  egenfinansiering: value,
  total: value,
  /** The financing plan's financiers, when the budget has one. */
  finansiärer: z.array(z.object({ namn: text, belopp: value })),
  /** Whether the förbund has a fixed Överenskommelse, and its sections. */
  har_överenskommelse: z.boolean(),
  överenskommelse: z.array(z.object({ rubrik: text, text })),
  /** The table the parties sign in: organisation, roll, namn, kontaktperson, a row tall enough to sign. */
  underskrifter: blocks,
});

export const budgetData = z.object({
  förbund: text,
  bilaga: text,
  /** «Budget – detaljerad», or «Budget – finansiering» for a budget that is a financing plan only. */
  rubrik: text,
  insats: text,
  period: text,
  enhet: text,
  /** The financing plan, who pays how much per year, when the budget has one. */
  har_finansiering: z.boolean(),
  finansiering: blocks,
  /** Whether the budget has cost lines: the detailed budget, its years and its sammanställning. */
  har_kostnader: z.boolean(),
  detaljerad: blocks,
  per_år: blocks,
  /** Per party: att rekvirera, egenfinansiering and totalt, with the sum as the last row. */
  sammanställning: blocks,
});

export const bilagaData = z.object({ förbund: text, bilaga: text, rubrik: text, text: blocks });

/** The protokoll: header, närvaro, one § per agenda item, the signatures. */
export const protokollData = z.object({
  förbund: text,
  organ: text,
  rubrik: text,
  dag: text,
  tid: text,
  plats: text,
  /** «§§ 38–56». */
  paragrafer_omfång: text,
  ledamöter: z.array(line),
  tjänstgörande_ersättare: z.array(line),
  har_ersättare: z.boolean(),
  ersättare: z.array(line),
  övriga: z.array(line),
  paragrafer: z.array(z.object({ rubrik: text, text: blocks })),
  ordförande: text,
  sekreterare: text,
  justerare: z.array(z.object({ namn: text })),
  /** «Samordningsförbundets kansli, Uppsala, torsdagen den 26 september 2024». */
  justering: text,
});

/** The anslagsbevis: the notice that the protokoll has been justerat. */
export const anslagsbevisData = z.object({
  förbund: text,
  organ: text,
  sammanträdesdatum: value,
  paragrafer: text,
  justerat: value,
  uppsatt: value,
  nedtas: value,
  förvaringsplats: text,
  underskrift: text,
});

/** A protokollsutdrag: one § as decided, certified, and to whom it is sent. */
export const protokollsutdragData = z.object({
  förbund: text,
  organ: text,
  dag: text,
  rubrik: text,
  text: blocks,
  justerat: text,
  utdragsbestyrkande: text,
  expedieras: z.array(z.object({ namn: text })),
});

/** Every document kind's data schema, by kind. */
export const DOCUMENT_DATA = {
  kallelse: kallelseData,
  tjansteskrivelse: tjansteskrivelseData,
  ansokan: ansokanData,
  budget: budgetData,
  bilaga: bilagaData,
  protokoll: protokollData,
  anslagsbevis: anslagsbevisData,
  protokollsutdrag: protokollsutdragData,
} as const;

export type DocumentKindName = keyof typeof DOCUMENT_DATA;
export type DocumentData = { [K in DocumentKindName]: z.infer<(typeof DOCUMENT_DATA)[K]> }[DocumentKindName];
export type KallelseData = z.infer<typeof kallelseData>;
export type TjansteskrivelseData = z.infer<typeof tjansteskrivelseData>;
export type AnsokanData = z.infer<typeof ansokanData>;
export type BudgetData = z.infer<typeof budgetData>;
export type BilagaData = z.infer<typeof bilagaData>;
