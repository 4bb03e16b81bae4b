import { z } from 'zod';
import { percent, strictObject, text } from './primitives.js';

/**
 * An open text whose common values the editor offers as completion: any förbund may write
 * its own («vice ordförande», «projektledare»), and nothing in the engine depends on the list.
 */
const suggested = (common: readonly [string, ...string[]]) => z.union([z.enum(common), text]);

export const member = strictObject({
  namn: text,
  /** Short names used in budgets and tables: "AF", "FK", "Region". */
  kortnamn: z.array(text).default([]),
});

export const COMMON_UPPDRAG = [
  'ordförande',
  'vice ordförande',
  '1:e vice ordförande',
  '2:e vice ordförande',
  'ledamot',
] as const;

export const boardMember = strictObject({
  namn: text,
  parti: text.optional(),
  uppdrag: suggested(COMMON_UPPDRAG).optional(),
  /** The member organisation the person serves for (a name in medlemmar). */
  representerar: text.optional(),
});

export const COMMON_ROLES = [
  'förbundschef',
  'verksamhetsutvecklare',
  'processtödjare',
  'ekonom',
  'administratör',
  'samordnare',
  'projektledare',
  'sekreterare',
  'nämndsekreterare',
] as const;

export const kansliMember = strictObject({
  namn: text,
  roll: suggested(COMMON_ROLES),
  /** Published work contacts: the privacy guard lets these through. */
  telefon: text.optional(),
  e_post: text.optional(),
});

export const adjungerad = strictObject({ namn: text, organisation: text.optional(), roll: text.optional() });

export const agreementSection = strictObject({ rubrik: text, text: text });

/** The sections of the förbund's ansökan form that the applicant writes as text. */
export const FORM_FIELDS = ['bakgrund', 'syfte', 'mål', 'metoder', 'samverkan', 'uppföljning', 'spridning'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const formSection = strictObject({
  fält: z.enum(FORM_FIELDS),
  /** The heading the form gives the section. */
  rubrik: text,
  /** A required section an ansökan leaves out is an error. */
  obligatorisk: z.boolean().default(false),
});

/** Uppsala's form, the default for a förbund that does not describe its own. */
export const DEFAULT_FORM: z.output<typeof formSection>[] = [
  { fält: 'bakgrund', rubrik: 'Bakgrund och behov', obligatorisk: false },
  { fält: 'syfte', rubrik: 'Syfte', obligatorisk: true },
  { fält: 'mål', rubrik: 'Mål', obligatorisk: true },
  { fält: 'metoder', rubrik: 'Metoder och aktiviteter', obligatorisk: false },
  { fält: 'samverkan', rubrik: 'Samverkan mellan parterna', obligatorisk: false },
  { fält: 'uppföljning', rubrik: 'Uppföljning och utvärdering', obligatorisk: false },
  { fält: 'spridning', rubrik: 'Spridning', obligatorisk: false },
];

export const forbundSchema = strictObject({
  namn: text,
  /** The förbund's own published contacts (växel, registrator): the privacy guard lets these through. */
  kontakt: strictObject({ telefon: text.optional(), e_post: text.optional() }).optional(),
  medlemmar: z.array(member).min(1),
  /** Organisations outside the membership that may own, join or finance an insats: ESF, another förbund. */
  externa_parter: z.array(member).default([]),
  styrelse: strictObject({
    /** What the board is called in the förbund's papers. */
    namn: text.default('Förbundsstyrelsen'),
    ordinarie: z.array(boardMember).min(1),
    ersättare: z.array(boardMember).default([]),
    /** Adjungerade: present by right, without a vote. */
    adjungerade: z.array(adjungerad).default([]),
    /**
     * When the board may decide: «mer än hälften» of the ordinarie ledamöter serving (kommunallagen
     * 6 kap. 27 §), «minst hälften», or a number of serving members the förbundsordning sets.
     */
    beslutförhet: z
      .union([z.enum(['mer än hälften', 'minst hälften']), z.number().int().positive()])
      .default('mer än hälften'),
  }),
  kansli: z.array(kansliMember).min(1),
  /** The förbund's own bodies, as its papers name them; a body it does not have is left out. */
  grupper: strictObject({
    /** The local group an ansökan is discussed in first, as the form asks about it. */
    lokal_grupp: strictObject({
      /** As the question names it: «lokusgruppen», «beredningsgruppen». */
      namn: text,
      /** The form's heading for the question. */
      rubrik: text.default('Lokal förankring'),
    }).optional(),
    /** The group that steers an insats: «styrgruppen». */
    styrgrupp: text.optional(),
  }).default({}),
  /** The förbund's ansökan form: its text sections in order, and which are required. */
  ansökningsformulär: z.array(formSection).min(1).default(DEFAULT_FORM),
  texter: strictObject({
    /** The fixed Överenskommelse of every ansökan; applicants may not change it. */
    överenskommelse: z.array(agreementSection).default([]),
    /** The standard conditions that follow every grant, as att-satser. */
    villkor: z.array(text).default([]),
  }).default({ överenskommelse: [], villkor: [] }),
  /** Limits of the checks that a förbund may set. */
  kontroller: strictObject({
    /**
     * How many years from the meeting a period, a budget line or a decision may reach before
     * a year is taken for a typing error (`till: 2207-12-31`).
     */
    horisont_år: z.number().int().min(1).max(100).default(15),
    /** The förbrukningskvot above which a follow-up report needs a budget avvikelse (100 % when left out). */
    förbrukningskvot_max: percent.optional(),
  }).default({ horisont_år: 15 }),
});

export type Forbund = z.output<typeof forbundSchema>;
export type KansliMember = z.output<typeof kansliMember>;
