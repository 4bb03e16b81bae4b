// Building blocks shared by every content schema: amounts, dates, percentages,
// per-year maps and strict objects. Every value the users type goes through one
// of these, so the rules for "what is a valid amount" live in exactly one place.
import { z } from 'zod';
// The contract's only imports from the engine are its leaf modules, which import nothing.
import { controlCharacter } from '../engine/format/invisible.js';
import { suggestClosest } from '../engine/format/suggest.js';
import { amountProblem, numberProblem, numberToHundredths, parseHundredths } from '../engine/money.js';

/** A strict object: an unknown key is an error that names the closest known key. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      return issue.keys
        .map((key) => {
          const near = suggestClosest(key, known);
          return near
            ? `okänd nyckel «${key}» – menade du «${near}»?`
            : `okänd nyckel «${key}»; tillåtna nycklar: ${known.join(', ')}`;
        })
        .join('; ');
    },
  });
}

// ---------------------------------------------------------------- amounts

const AMOUNT_EXPECTED = 'ett belopp i kronor, t.ex. 8 260 000 eller 1 427 333,33';

/** The Swedish form of an amount, for editors (the JSON Schemas' pattern). */
export { GROUPED } from '../engine/money.js';

/** An amount in integer öre. Numbers and Swedish-formatted strings are accepted. */
export const amount = z.union([z.number(), z.string()]).transform((input, ctx) => {
  // Typed in kronor: hundredths of a krona are öre.
  const ore = typeof input === 'number' ? numberToHundredths(input) : parseHundredths(input);
  if (ore !== undefined) return ore;
  const found = String(input);
  const reason = typeof input === 'number' ? numberProblem(input) : amountProblem(found.trim());
  ctx.addIssue({
    code: 'custom',
    message: `ogiltigt belopp «${found}»: ${reason}`,
    params: { code: 'schema.belopp', expected: AMOUNT_EXPECTED, found },
  });
  return z.NEVER;
});

export const nonNegativeAmount = amount.refine((ore) => ore >= 0, {
  message: 'beloppet får inte vara negativt',
  params: { code: 'schema.belopp' },
});

// ---------------------------------------------------------------- dates and times

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date written YYYY-MM-DD; kept as that text so dates compare as strings. */
export const isoDate = z.string().superRefine((text, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    ctx.addIssue({
      code: 'custom',
      message: `ogiltigt datum «${text}»: skriv ÅÅÅÅ-MM-DD`,
      params: { code: 'schema.datum', expected: 'ÅÅÅÅ-MM-DD', found: text },
    });
  } else if (!isCalendarDate(text)) {
    ctx.addIssue({
      code: 'custom',
      message: `datumet ${text} finns inte i kalendern`,
      params: { code: 'schema.datum', expected: 'ett datum som finns', found: text },
    });
  }
});

export const period = strictObject({ från: isoDate, till: isoDate });

/** A clock time "09.00". */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3])\.[0-5]\d$/, { error: 'skriv klockslaget som TT.MM, t.ex. "09.00"' });

// ---------------------------------------------------------------- percentages

/** A percentage as typed: "85 %", "85%", "12,5 %" (also with a no-break space, as pasted from Word). */
export const PERCENT_PATTERN = /^(\d{1,4})(?:[,.](\d{1,2}))?[ \u00a0\u202f]?%?$/;

/** A percentage such as "85 %" or "12,5%", kept in hundredths of a percent (8500). */
export const percent = z.union([z.number(), z.string()]).transform((input, ctx) => {
  const text = String(input).trim();
  const match = PERCENT_PATTERN.exec(text);
  if (match) return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  ctx.addIssue({
    code: 'custom',
    message: `ogiltig procentsats «${text}»: skriv t.ex. "85 %"`,
    params: { code: 'schema.procent', expected: 'en procentsats, t.ex. 85 %', found: text },
  });
  return z.NEVER;
});

// ---------------------------------------------------------------- per-year maps

export const YEAR_PATTERN = /^(19|20)\d{2}$/;
export const yearKey = z.string().regex(YEAR_PATTERN, { error: 'nyckeln ska vara ett årtal, t.ex. 2025' });

/** Amounts per calendar year: { 2025: 510 000, 2026: 510 000 }. */
export const perYear = z.record(yearKey, amount);

// ---------------------------------------------------------------- names and text

/**
 * A text: not empty, not only blanks, and without control characters (a NUL pasted from
 * another program cannot stand in a Word document).
 */
export const text = z
  .string()
  .min(1, { error: 'texten får inte vara tom' })
  .superRefine((value, ctx) => {
    if (value.length > 0 && value.trim() === '')
      ctx.addIssue({
        code: 'custom',
        message: 'texten består bara av blanksteg; skriv texten eller ta bort raden',
        params: { code: 'schema.tom-text' },
      });
    const control = controlCharacter(value);
    if (control)
      ctx.addIssue({
        code: 'custom',
        message: `texten innehåller styrtecknet ${control}, som inte kan stå i ett dokument; ta bort det`,
        params: { code: 'schema.tecken' },
      });
  });
/** Rich text: a Markdown subset (paragraphs, *kursiv*, **fet**, listor). */
export const richText = text;
/** The name of a file in the meeting folder, without .yaml: ASCII kebab-case. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'skriv filnamnet utan .yaml, med a–z, 0–9 och bindestreck' });
