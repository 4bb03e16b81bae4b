// Money, in one place: every amount is held as an integer number of öre, whatever unit it was
// typed in. This module parses what people type, converts between units exactly, rounds by
// one documented rule and writes amounts the Swedish way. No other module does any of that.

/** The units amounts are typed and shown in. */
export type Unit = 'kr' | 'tkr' | 'mkr';

/** Öre in one of a unit: converting a typed amount into öre is an exact integer product. */
export const ORE_PER: Readonly<Record<Unit, number>> = { kr: 100, tkr: 100_000, mkr: 100_000_000 };

/** An amount that knows the unit it is shown in. */
export interface Money {
  ore: number;
  unit: Unit;
}

export const NBSP = '\u00a0';
export const MINUS = '\u2212';

// ---------------------------------------------------------------- parsing

const SPACE = '[ \\u00a0\\u202f]';
/** An amount as Swedish text: 8 260 000, 8260000, -15 000, 1 427 333,33 (the sign as - or −). */
export const GROUPED = new RegExp(`^(-|\\u2212)?(\\d{1,3}(?:${SPACE}\\d{3})*|\\d+)(?:,(\\d{1,2}))?$`);

/**
 * Parses a decimal text ("8 260 000", "1 427 333,33", "−500") exactly into hundredths of its
 * unit, or returns undefined. "-0" is a typing error, not an amount.
 */
export function parseHundredths(text: string): number | undefined {
  const match = GROUPED.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, decimals = ''] = match;
  // The digits read one by one, skipping the group spaces: exact while below 2^53, and an
  // amount above that is refused below either way. (Every amount typed is parsed here.)
  let units = 0;
  for (let i = 0; i < whole!.length; i++) {
    const digit = whole!.charCodeAt(i) - 48;
    if (digit >= 0 && digit <= 9) units = units * 10 + digit;
  }
  const cents = decimals.length === 0 ? 0 : Number(decimals.padEnd(2, '0'));
  const value = units * 100 + cents;
  if (!Number.isSafeInteger(value)) return undefined;
  if (sign && value === 0) return undefined;
  return sign ? -value : value;
}

const DECIMAL_POINT =
  'ett tal med decimalpunkt är tvetydigt; skriv öre med decimalkomma inom citattecken, t.ex. "1 427 333,33"';

/**
 * A number YAML read as hundredths. Only whole numbers: a decimal point is ambiguous in Swedish
 * (8.260 is 8 260 or 8,26), so öre are written with a decimal comma, as text — a rule the
 * editor can see too (a number that is not an integer).
 */
export function numberToHundredths(value: number): number | undefined {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return undefined;
  // String(value) gives the shortest text that round-trips, i.e. what the user typed.
  const text = String(value);
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) return undefined;
  return parseHundredths(text.replace('.', ','));
}

/** Why a text is not an amount, in the users' words. */
export function amountProblem(text: string): string {
  if (/^[-\u2212]0+([,.]0+)?$/.test(text)) return 'minus noll är inget belopp; skriv 0';
  if (/^[-\u2212]?[\d \u00a0\u202f]+([,.]\d+)?$/.test(text) && text.replace(/\D/g, '').length > 15)
    return 'beloppet är för stort för att räknas exakt';
  if (/kr|mkr|tkr|sek/i.test(text)) return 'skriv beloppet utan enhet och utan «ca»';
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) return 'punkt som tusentalsavgränsare är tvetydigt';
  if (/^\d{1,3}(,\d{3}){2,}$/.test(text) || /^\d{1,3}(,\d{3})+\.\d+$/.test(text))
    return 'komma är decimaltecken, inte tusentalsavgränsare';
  if (/^-?\d+(\.\d+)?e[+-]?\d+$/i.test(text)) return 'exponentform är inte tillåten';
  if (/^-?\d+[.,]\d{3,}$/.test(text)) return 'högst två decimaler (öre)';
  if (/^[-\u2212]?\d+\.\d{1,2}$/.test(text)) return DECIMAL_POINT;
  return 'okänt format';
}

/** Why a number YAML read is not an amount. */
export function numberProblem(value: number): string {
  if (Object.is(value, -0)) return 'minus noll är inget belopp; skriv 0';
  if (!Number.isInteger(value)) return DECIMAL_POINT;
  return 'talet är för stort';
}

/**
 * A number from a spreadsheet cell, in kronor, as öre. A spreadsheet keeps binary floating
 * point (1 427 333,33 is 1427333.3299999998), so the value is rounded to whole öre, half away
 * from zero: what the cell shows with two decimals. The import's only rounding.
 */
export function spreadsheetKronorToOre(value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const ore = Math.sign(value) * Math.round(Math.abs(value) * 100);
  return Number.isSafeInteger(ore) ? ore + 0 : undefined;
}

/** Hundredths of a unit as öre: exact, since every unit is a whole number of öre. */
export const hundredthsToOre = (hundredths: number, unit: Unit): number => (hundredths * ORE_PER[unit]) / 100;

/** Parses "8 260 000" written in a unit into öre; undefined when it is not an amount. */
export function parseOre(text: string, unit: Unit = 'kr'): number | undefined {
  const hundredths = parseHundredths(text);
  return hundredths === undefined ? undefined : hundredthsToOre(hundredths, unit);
}

/**
 * An amount quoted in prose: "8 260 000 kronor", "8,26 mkr", "300 tkr", "3 miljoner kronor".
 * The pattern's groups are the digits and the unit word; `amountInProse` turns a match into öre.
 */
export const AMOUNT_IN_PROSE =
  /(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(\d{1,2}))?\s*(kr\b|kronor|tkr|tusen kronor|mkr|m\.kr|miljoner(?: kronor)?)/g;

const PROSE_UNITS: Record<string, Unit> = {
  kr: 'kr',
  kronor: 'kr',
  tkr: 'tkr',
  'tusen kronor': 'tkr',
  mkr: 'mkr',
  'm.kr': 'mkr',
  miljoner: 'mkr',
  'miljoner kronor': 'mkr',
};

export function amountInProse(match: RegExpMatchArray): Money | undefined {
  const unit = PROSE_UNITS[match[3]!] ?? 'kr';
  const ore = parseOre(match[2] ? `${match[1]},${match[2]}` : match[1]!, unit);
  return ore === undefined ? undefined : { ore, unit };
}

// ---------------------------------------------------------------- arithmetic and rounding

export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Integer division rounded half away from zero: the one rounding rule of the engine. */
export function divideRounded(numerator: number, denominator: number): number {
  const quotient = Math.trunc(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  if (Math.abs(remainder) * 2 >= Math.abs(denominator)) return quotient + Math.sign(numerator) * Math.sign(denominator);
  return quotient;
}

/** Öre rounded to whole units of `unit` (half away from zero), still in öre: 1 427 333,33 kr → 1 427 000 kr in tkr. */
export const roundToUnit = (ore: number, unit: Unit): number => divideRounded(ore, ORE_PER[unit]) * ORE_PER[unit];

/** Splits an amount in proportion to weights, in whole öre, keeping the exact total (largest remainder). */
export function apportion(amount: number, weights: readonly number[]): number[] {
  const total = sum(weights);
  if (total === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  // Exact integer shares: floor(amount × w / total) with the remainders compared as integers.
  const shares = weights.map((w) => {
    const product = BigInt(amount) * BigInt(w);
    const divisor = BigInt(total);
    let floor = product / divisor;
    let remainder = product % divisor;
    if (remainder < 0n) {
      floor -= 1n;
      remainder += divisor;
    }
    return { floor: Number(floor), remainder };
  });
  let rest = amount - sum(shares.map((s) => s.floor));
  const order = shares
    .map((share, index) => ({ index, remainder: share.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const result = shares.map((s) => s.floor);
  for (const { index } of order) {
    if (rest <= 0) break;
    result[index]! += 1;
    rest -= 1;
  }
  return result;
}

/**
 * Rounds columns of öre to whole units so that, column by column, the rounded rows add up to
 * the rounded sum of the exact amounts (largest remainder): a derived table always adds up.
 */
export function roundColumns(rows: readonly (readonly number[])[], unit: Unit): number[][] {
  const step = ORE_PER[unit];
  const width = rows[0]?.length ?? 0;
  const rounded = rows.map((row) => row.map(() => 0));
  for (let c = 0; c < width; c++) {
    const column = rows.map((row) => row[c]!);
    const target = divideRounded(sum(column), step);
    const floors = column.map((v) => Math.floor(v / step));
    const shares = apportion(
      target - sum(floors),
      column.map((v, i) => v - floors[i]! * step),
    );
    floors.forEach((floor, r) => (rounded[r]![c] = (floor + shares[r]!) * step));
  }
  return rounded;
}

// ---------------------------------------------------------------- writing

/** Hundredths grouped the Swedish way: 142733333 → "1 427 333,33"; 826000000 → "8 260 000". */
function formatHundredths(hundredths: number, space: string): string {
  const absolute = Math.abs(hundredths);
  const whole = Math.floor(absolute / 100);
  const cents = absolute % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, space);
  return `${hundredths < 0 ? MINUS : ''}${grouped}${cents ? `,${String(cents).padStart(2, '0')}` : ''}`;
}

/**
 * An amount as a number in its unit, without the unit: 826000000 öre in kr → "8 260 000",
 * in tkr → "8 260". Shown to hundredths of the unit, rounded half away from zero.
 */
export function formatAmount(ore: number, unit: Unit = 'kr', space = NBSP): string {
  return formatHundredths(divideRounded(ore * 100, ORE_PER[unit]), space);
}

/** An amount with its unit, as messages write it: "8 260 000 kr", "−3 000 kr", "1 245 tkr". */
export const showAmount = (ore: number, unit: Unit = 'kr', space = ' '): string =>
  `${formatAmount(ore, unit, space)} ${unit}`;

/** A difference with its sign always shown: "+3 000 kr", "−500 kr". */
export const showSignedAmount = (ore: number, unit: Unit = 'kr', space = ' '): string =>
  `${ore > 0 ? '+' : ''}${showAmount(ore, unit, space)}`;

/**
 * A share in hundredths of a percent, rounded to a whole percent (half away from zero):
 * 258 of 418 → 6200 (61,72 % → 62 %). Undefined when the whole is zero.
 */
export function wholePercent(part: number, whole: number): number | undefined {
  if (whole === 0) return undefined;
  return divideRounded(part * 100, whole) * 100;
}
