// Swedish percentage and date formatting (amounts are money.ts's), written out by hand so the result does not depend
// on the ICU version Node was built with (sv-SE in Intl varies and uses U+2212 as minus).

import { NBSP } from '../money.js';

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
