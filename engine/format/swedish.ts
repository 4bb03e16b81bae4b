// Swedish number and date formatting, written out by hand so the result does not depend
// on the ICU version Node was built with (sv-SE in Intl varies and uses U+2212 as minus).

export const NBSP = '\u00a0';
export const MINUS = '\u2212';

/** 826000000 öre → "8 260 000"; 142733333 → "1 427 333,33". Thousands separated by `space`. */
export function formatKronor(ore: number, space = NBSP): string {
  const negative = ore < 0;
  const absolute = Math.abs(ore);
  const kronor = Math.floor(absolute / 100);
  const cents = absolute % 100;
  const grouped = String(kronor).replace(/\B(?=(\d{3})+(?!\d))/g, space);
  return `${negative ? MINUS : ''}${grouped}${cents ? `,${String(cents).padStart(2, '0')}` : ''}`;
}

/** A difference with its sign always shown: "+3 000", "−500". */
export function formatSignedKronor(ore: number, space = NBSP): string {
  return ore > 0 ? `+${formatKronor(ore, space)}` : formatKronor(ore, space);
}

/** 8500 (hundredths) → "85 %"; 1250 → "12,5 %". */
export function formatPercent(hundredths: number, space = NBSP): string {
  const whole = Math.trunc(hundredths / 100);
  const fraction = Math.abs(hundredths % 100);
  const decimals = fraction ? `,${String(fraction).padStart(2, '0').replace(/0$/, '')}` : '';
  return `${whole}${decimals}${space}%`;
}

export const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2025-01-01" → "1 januari 2025". */
export function formatDateLong(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const WEEKDAYS = ['söndagen', 'måndagen', 'tisdagen', 'onsdagen', 'torsdagen', 'fredagen', 'lördagen'];

/** "2024-09-12" → "torsdagen den 12 september 2024", as a kallelse writes the day. */
export function formatMeetingDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday} den ${formatDateLong(iso)}`;
}

/** "2025-01-01" → "1 januari år 2025", as an att-sats writes a date. */
export function formatDateInDecision(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} år ${year}`;
}

/** "09.00", "12.00" → "09.00–12.00". */
export const formatTimeSpan = (from: string, to: string): string => `${from}–${to}`;
