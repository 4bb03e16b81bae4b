import { describe, expect, it } from 'vitest';
import { amount, isoDate, percent } from '../schemas/primitives.js';
import { formatAmount as formatKronor, parseOre } from '../engine/money.js';
import { formatDateInDecision, formatMeetingDay, formatPercent, formatTimeSpan } from '../engine/format/swedish.js';

describe('amounts are parsed exactly into öre', () => {
  it.each([
    ['8 260 000', 826_000_000],
    ['8\u00a0260\u00a0000', 826_000_000],
    ['1 427 333,33', 142_733_333],
    ['1427333,33', 142_733_333],
    ['0', 0],
    ['-1 300', -130_000],
    ['\u22121 300', -130_000],
    ['119 016,9', 11_901_690],
  ])('«%s» → %i öre', (text, ore) => {
    expect(parseOre(text)).toBe(ore);
    expect(amount.parse(text)).toBe(ore);
  });

  it.each([
    [8260000, 826_000_000],
    [0, 0],
    [-1300, -130_000],
  ])('the number %d → %i öre', (value, ore) => expect(amount.parse(value)).toBe(ore));

  it.each([
    [8.26, 'decimalpunkt är tvetydigt'],
    [1427333.33, 'decimalpunkt är tvetydigt'],
    [-0, 'minus noll'],
    [2 ** 60, 'för stort'],
  ])('the number %d is refused: %s', (value, reason) => {
    const result = amount.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(reason);
  });

  it.each([
    ['8.260.000', 'punkt som tusentalsavgränsare'],
    ['8,260,000', 'komma är decimaltecken'],
    ['8 260 000 kr', 'utan enhet'],
    ['ca 8 mkr', 'utan enhet'],
    ['-0', 'minus noll är inget belopp'],
    ['1e6', 'exponentform'],
    ['12,345', 'högst två decimaler'],
    ['åtta miljoner', 'okänt format'],
  ])('rejects «%s» and says why (%s)', (text, reason) => {
    const result = amount.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain(reason);
    expect(result.error!.issues[0]!.message).toContain(text);
  });

  it('rejects a number with three decimals', () => {
    expect(amount.safeParse(1.005).success).toBe(false);
  });
});

describe('dates must exist on the calendar', () => {
  it.each(['2024-02-29', '2025-06-30', '2027-12-31'])('accepts %s', (date) =>
    expect(isoDate.safeParse(date).success).toBe(true),
  );
  it.each(['2025-06-31', '2025-02-29', '2025-13-01', '25-01-01', '2025-1-1'])('rejects %s', (date) =>
    expect(isoDate.safeParse(date).success).toBe(false),
  );
});

describe('percentages are kept in hundredths', () => {
  it.each([
    ['85 %', 8500],
    ['85%', 8500],
    ['12,5 %', 1250],
    [40, 4000],
  ])('%s → %i', (input, hundredths) => expect(percent.parse(input)).toBe(hundredths));
  it('rejects words', () => expect(percent.safeParse('åttiofem').success).toBe(false));
});

describe('Swedish formatting does not depend on ICU', () => {
  it('groups thousands with a non-breaking space and uses a decimal comma', () => {
    expect(formatKronor(826_000_000)).toBe('8\u00a0260\u00a0000');
    expect(formatKronor(142_733_333)).toBe('1\u00a0427\u00a0333,33');
    expect(formatKronor(-300_000, 'kr', ' ')).toBe('\u22123 000');
    expect(formatKronor(5)).toBe('0,05');
  });
  it('writes percentages with a space before the sign', () => {
    expect(formatPercent(8500)).toBe('85\u00a0%');
    expect(formatPercent(1250, ' ')).toBe('12,5 %');
  });
});

describe('Swedish dates and times as the documents write them', () => {
  it('the meeting day in the kallelse', () => {
    expect(formatMeetingDay('2024-09-12')).toBe('torsdagen den 12 september 2024');
    expect(formatMeetingDay('2024-09-26')).toBe('torsdagen den 26 september 2024');
    expect(formatMeetingDay('2025-03-02')).toBe('söndagen den 2 mars 2025');
  });
  it('a date in an att-sats', () => {
    expect(formatDateInDecision('2025-01-01')).toBe('1 januari år 2025');
    expect(formatDateInDecision('2027-12-31')).toBe('31 december år 2027');
  });
  it('a time span', () => expect(formatTimeSpan('09.00', '12.00')).toBe('09.00–12.00'));
});
