import { z } from 'zod';
import { hundredthsToOre } from '../engine/money.js';
import {
  amount,
  isoDate,
  nonNegativeAmount,
  percent,
  perYear,
  period,
  richText,
  strictObject,
  text,
} from './primitives.js';
import { publicering, sekretess } from './publicering.js';

/** Figures the applicant typed as a sum: each is checked against its parts, never used. */
export const statedSum = strictObject({
  tjänst: percent.optional(),
  /** Per party column, keyed by the party's name as in budget.parter. */
  parter: z.record(text, amount).optional(),
  totalt: amount.optional(),
  per_år: perYear.optional(),
});

/**
 * A note on a budget line. Plain text is for the handläggare and is never printed; a note the
 * reader of the budgetbilaga should see is written { text: …, skrivs_ut: true }.
 */
export const remark = z.union([text, strictObject({ text, skrivs_ut: z.boolean() })]);

/** The part of a line's note that is printed after its post, if any. */
export const printedRemark = (note: z.infer<typeof remark> | undefined): string | undefined =>
  typeof note === 'object' && note.skrivs_ut ? note.text : undefined;

export const budgetLine = strictObject({
  post: text,
  tjänst: percent.optional(),
  från: isoDate.optional(),
  till: isoDate.optional(),
  /** One amount (the huvudinsatsägare's column) or one amount per party column. */
  belopp: z.union([nonNegativeAmount, z.record(text, nonNegativeAmount)]),
  /** The row total the applicant typed ("Att rekvirera – alla insatsägare"). */
  summa: amount.optional(),
  per_år: perYear.optional(),
  anmärkning: remark.optional(),
});

export const budgetGroup = strictObject({
  rader: z.array(budgetLine).default([]),
  /** A split per year of the group as a whole, where its lines are not split one by one. */
  per_år: perYear.optional(),
  summa: statedSum.optional(),
});

const emptyGroup = { rader: [] };

export const budgetPart = strictObject({
  lön: budgetGroup.default(emptyGroup),
  lokal: budgetGroup.default(emptyGroup),
  övrigt: budgetGroup.default(emptyGroup),
  summa: statedSum.optional(),
  /** "S:a per år för avstämning": the applicant's sum of the years, which should equal the total. */
  avstämning_per_år: amount.optional(),
});

export type StatedSum = z.output<typeof statedSum>;
export type BudgetLine = z.output<typeof budgetLine>;
export type BudgetGroup = z.output<typeof budgetGroup>;
export type BudgetPart = z.output<typeof budgetPart>;
export type SummaryRow = z.output<typeof summaryRow>;

export const summaryRow = strictObject({
  rekvirera: amount.optional(),
  egenfinansiering: amount.optional(),
  totalt: amount.optional(),
});

/** Who pays: the förbund itself, a member, or an organisation outside the membership. */
export const financier = strictObject({
  namn: text,
  slag: z.enum(['förbundet', 'medlem', 'extern']),
  belopp: nonNegativeAmount,
  /** The amounts stated for some or all years; a year left out is not decided by anyone. */
  per_år: perYear.optional(),
  anmärkning: text.optional(),
});

const emptyPart = { lön: { rader: [] }, lokal: { rader: [] }, övrigt: { rader: [] } };

const budgetFields = strictObject({
  /** The unit the applicant used: amounts stay in it in the file and are read exactly. */
  enhet: z.enum(['kr', 'tkr', 'mkr']).default('kr'),
  /** The party columns in order; the first is the huvudinsatsägare. */
  parter: z.array(text).min(1),
  rekvirera: budgetPart.default(emptyPart),
  egenfinansiering: budgetPart.optional(),
  total: statedSum.optional(),
  sammanställning: strictObject({
    parter: z.record(text, summaryRow).default({}),
    summa: summaryRow.optional(),
  }).optional(),
  /** The financing plan: who pays how much. The förbund's row is what the decision is about. */
  finansiärer: z.array(financier).optional(),
});

type BudgetFields = z.output<typeof budgetFields>;

/** Scales every amount of a budget typed in tkr to öre of kronor, so later stages see one unit. */
function toKronor(budget: BudgetFields): BudgetFields {
  if (budget.enhet === 'kr') return budget;
  // Parsed as if in kronor, an amount's öre are its hundredths of the budget's unit.
  const k = (hundredths: number) => hundredthsToOre(hundredths, budget.enhet);
  const map = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).map(([key, v]) => [key, k(v)]));
  const sum = (s: StatedSum | undefined): StatedSum | undefined =>
    s && {
      ...s,
      parter: s.parter && map(s.parter),
      totalt: s.totalt === undefined ? undefined : k(s.totalt),
      per_år: s.per_år && map(s.per_år),
    };
  const line = (l: BudgetLine): BudgetLine => ({
    ...l,
    belopp: typeof l.belopp === 'number' ? k(l.belopp) : map(l.belopp),
    summa: l.summa === undefined ? undefined : k(l.summa),
    per_år: l.per_år && map(l.per_år),
  });
  const group = (g: BudgetGroup): BudgetGroup => ({
    rader: g.rader.map(line),
    per_år: g.per_år && map(g.per_år),
    summa: sum(g.summa),
  });
  const part = (p: BudgetPart): BudgetPart => ({
    lön: group(p.lön),
    lokal: group(p.lokal),
    övrigt: group(p.övrigt),
    summa: sum(p.summa),
    avstämning_per_år: p.avstämning_per_år === undefined ? undefined : k(p.avstämning_per_år),
  });
  const row = (r: SummaryRow): SummaryRow => ({
    rekvirera: r.rekvirera === undefined ? undefined : k(r.rekvirera),
    egenfinansiering: r.egenfinansiering === undefined ? undefined : k(r.egenfinansiering),
    totalt: r.totalt === undefined ? undefined : k(r.totalt),
  });
  return {
    ...budget,
    rekvirera: part(budget.rekvirera),
    egenfinansiering: budget.egenfinansiering && part(budget.egenfinansiering),
    total: sum(budget.total),
    finansiärer: budget.finansiärer?.map((f) => ({ ...f, belopp: k(f.belopp), per_år: f.per_år && map(f.per_år) })),
    sammanställning: budget.sammanställning && {
      parter: Object.fromEntries(Object.entries(budget.sammanställning.parter).map(([key, r]) => [key, row(r)])),
      summa: budget.sammanställning.summa && row(budget.sammanställning.summa),
    },
  };
}

/** A budget; amounts are öre of kronor after loading, whatever unit the file used. */
export const budgetSchema = budgetFields.transform(toKronor);

export const signature = strictObject({
  organisation: text,
  roll: z.enum(['insatsägare', 'samverkanspart']),
  namn: text,
  kontaktperson: text.optional(),
});

/** Figures the applicant typed in the form itself; checked against the budget. */
export const formFigures = strictObject({
  /** In tkr or mkr, the figures are taken as rounded to whole units when they are checked. */
  enhet: z.enum(['kr', 'tkr', 'mkr']).default('kr'),
  ansökt: nonNegativeAmount.optional(),
  egenfinansiering: nonNegativeAmount.optional(),
  total: nonNegativeAmount.optional(),
});

export const ansokanSchema = strictObject({
  insats: text,
  typ: z.enum(['individinsats', 'strukturinsats']),
  ansökningstyp: z.enum(['ny', 'förlängning', 'tillägg']),
  diarienummer: text.optional(),
  insatsägare: text,
  samverkansparter: z.array(text).default([]),
  målgrupp: strictObject({
    beskrivning: richText,
    ålder: strictObject({ från: z.number().int().min(0), till: z.number().int().max(120) }).optional(),
  }),
  period: period,
  sista_intag: isoDate.optional(),
  deltagare_per_år: z.number().int().positive().optional(),
  bakgrund: richText.optional(),
  syfte: richText.optional(),
  mål: strictObject({ effektmål: richText, resultatmål: z.array(richText).default([]) }).optional(),
  metoder: richText.optional(),
  samverkan: richText.optional(),
  uppföljning: richText.optional(),
  spridning: richText.optional(),
  /** Whether the ansökan was discussed in the förbund's local group (grupper.lokal in forbund.yaml). */
  lokal_grupp: strictObject({ diskuterad: z.boolean(), hur: richText.optional() }).optional(),
  finansiering: formFigures.optional(),
  underskrifter: z.array(signature).default([]),
  budget: budgetSchema,
  sekretess: sekretess.optional(),
  publicering: publicering.optional(),
});

export type Ansokan = z.output<typeof ansokanSchema>;
export type Budget = z.output<typeof budgetSchema>;
export type Financier = z.output<typeof financier>;

/**
 * What the budget's checks need of an ansökan. When the rest of a file is wrong, these parts
 * are still read (and checked) on their own, so that one mistake does not hide the others.
 */
export const ansokanBudgetSchema = z.looseObject({
  period: period,
  budget: budgetSchema,
  finansiering: formFigures.optional(),
});

export type AnsokanBudget = z.output<typeof ansokanBudgetSchema>;
