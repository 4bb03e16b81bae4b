// What each Word template receives: the contract between the engine and a template.
// `handlingar data` prints these objects; an override template may only use their tags.
// Fields described as OOXML are inserted with a raw-XML tag {@…}; all others with {…}.
import { z } from 'zod';

const text = z.string();
/** Ready-made WordprocessingML paragraphs (or a table), for a raw-XML tag {@…}. */
const ooxml = z.string().describe('OOXML');
const line = z.object({ text });

export const kallelseData = z.object({
  förbund: text,
  rubrik: text,
  dag: text,
  tid: text,
  plats: text,
  förhinder: text,
  medlemmar: z.array(z.object({ namn: text })),
  ordinarie: z.array(line),
  ersättare: z.array(line),
  kansli: z.array(line),
  punkter: z.array(z.object({ nr: text, rubrik: ooxml, föredragande: text, uppgifter: text })),
  ordförande: text,
});

export const tjansteskrivelseData = z.object({
  förbund: text,
  bilaga: text,
  möte: text,
  rubrik: ooxml,
  föreslås: text,
  att: z.array(z.object({ text: ooxml })),
  har_justeringar: z.boolean(),
  justeringar: z.array(z.object({ belopp: text, skäl: text, föreslagen_av: text })),
  ärendet: ooxml,
  /** A derived table (sammanställning or ekonomisk information); empty when the ärende has none. */
  tabell: ooxml,
  bedömning: ooxml,
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
  målgrupp: ooxml,
  ålder: text,
  från: text,
  till: text,
  sista_intag: text,
  deltagare: text,
  bakgrund: ooxml,
  syfte: ooxml,
  effektmål: ooxml,
  resultatmål: ooxml,
  metoder: ooxml,
  samverkan: ooxml,
  uppföljning: ooxml,
  spridning: ooxml,
  lokusgrupp: text,
  lokusgrupp_hur: ooxml,
  sökt: text,
  egenfinansiering: text,
  total: text,
  överenskommelse: z.array(z.object({ rubrik: text, text })),
  underskrifter: z.array(z.object({ organisation: text, roll: text, namn: text, kontaktperson: text })),
});

export const budgetData = z.object({
  förbund: text,
  bilaga: text,
  insats: text,
  period: text,
  enhet: text,
  detaljerad: ooxml,
  per_år: ooxml,
  sammanställning: z.array(z.object({ part: text, rekvirera: text, egenfinansiering: text, totalt: text })),
  summa_rekvirera: text,
  summa_egenfinansiering: text,
  summa_totalt: text,
});

export const bilagaData = z.object({ förbund: text, bilaga: text, rubrik: text, text: ooxml });

export const TEMPLATE_DATA = {
  kallelse: kallelseData,
  tjansteskrivelse: tjansteskrivelseData,
  ansokan: ansokanData,
  budget: budgetData,
  bilaga: bilagaData,
} as const;

export type TemplateKind = keyof typeof TEMPLATE_DATA;
export type KallelseData = z.infer<typeof kallelseData>;
export type TjansteskrivelseData = z.infer<typeof tjansteskrivelseData>;
export type AnsokanData = z.infer<typeof ansokanData>;
export type BudgetData = z.infer<typeof budgetData>;
export type BilagaData = z.infer<typeof bilagaData>;
