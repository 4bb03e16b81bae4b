// Typed values as text, the Swedish way, for every writer: an amount is formatted here and
// nowhere earlier, so that a model's amounts stay exact until they reach the page.
import type { Inline, Value } from '../../schemas/document.js';
import { formatPercent } from '../format/swedish.js';
import { formatAmount, NBSP } from '../money.js';

export function formatValue(value: Value): string {
  switch (value.type) {
    case 'text':
      return value.text;
    case 'amount':
      return `${formatAmount(value.ore, value.unit)}${value.named ? `${NBSP}${value.unit}` : ''}`;
    case 'date':
      return value.iso;
    case 'percent':
      return formatPercent(value.hundredths);
    case 'number':
      // A count or a number of posts: 11, 4,45, 2,5 (no trailing zero, unlike an amount).
      return formatAmount(value.hundredths, 'kr').replace(/(,\d)0$/, '$1');
  }
}

/** The plain text of inlines (for titles and tests). */
export const inlineText = (inlines: readonly Inline[]): string =>
  inlines
    .map((inline) =>
      inline.type === 'text' ? inline.text : inline.type === 'value' ? formatValue(inline.value) : '\n',
    )
    .join('');
