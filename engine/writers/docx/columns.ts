// Column widths from content, as a browser lays out an automatic table: every column gets at
// least its longest word (so no word breaks inside a cell), and the rest of the page goes to the
// columns whose text would otherwise wrap, in proportion to how much more they need. Text is
// measured with the templates' font metrics (Carlito = Calibri's metrics) at the table text size.
import type { Block, Cell, Inline } from '../../../schemas/document.js';
import { formatValue } from '../values.js';
import { BOLD, CHARACTERS, REGULAR } from './metrics.js';

/** The Tabelltext style's size in points (templates/generate.ts). */
const TABLE_FONT_PT = 9;
/**
 * Left and right cell margins in twips: 1 mm, tighter than Word's default 1,9 mm, so that the
 * sammanställning's eight columns and long words such as «rehabiliteringskoordinator» fit.
 */
export const CELL_MARGIN = 57;
/** Both margins and a little room for rounding. */
const CELL_PADDING = 2 * CELL_MARGIN + 40;
/** Spaces break lines; a no-break space (figures, «8 260 000») does not. */
const BREAKS = /[ \t\n]+/;

const INDEX = new Map([...CHARACTERS].map((c, i) => [c, i]));
/** Width of an unknown character: that of «n», about an average lower-case letter. */
const FALLBACK = INDEX.get('n') ?? 0;

/** Width of text in twentieths of a point, at the table text size. */
export function textWidth(text: string, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let thousandths = 0;
  for (const c of text) thousandths += table[INDEX.get(c) ?? FALLBACK] ?? 0;
  return Math.ceil((thousandths * TABLE_FONT_PT * 20) / 1000);
}

const inlineText = (inlines: readonly Inline[]): string =>
  inlines.map((i) => (i.type === 'text' ? i.text : i.type === 'value' ? formatValue(i.value) : '\n')).join('');

function cellText(cell: Cell): string {
  return cell.value.type === 'rich' ? inlineText(cell.value.content) : formatValue(cell.value);
}

interface Need {
  /** The longest word: narrower, and a word breaks. */
  min: number;
  /** The whole text on one line: wider is wasted. */
  max: number;
}

function cellNeed(cell: Cell, nowrap: boolean): Need {
  const text = cellText(cell);
  const bold = cell.strong ?? false;
  const max = Math.max(0, ...text.split('\n').map((line) => textWidth(line, bold))) + CELL_PADDING;
  if (nowrap) return { min: max, max };
  const longestWord = Math.max(0, ...text.split(BREAKS).map((word) => textWidth(word, bold)));
  return { min: longestWord + CELL_PADDING, max };
}

/**
 * Widths in twips that add up to `page`. Cells spanning several columns (group headings) wrap
 * within their span and do not widen a column. When even the longest words do not fit, the
 * columns get their minimum scaled down to the page (the only case in which a word may break).
 */
export function columnWidths(block: Extract<Block, { type: 'table' }>, page: number): number[] {
  const needs: Need[] = block.columns.map(() => ({ min: CELL_PADDING, max: CELL_PADDING }));
  for (const row of block.rows) {
    let column = 0;
    for (const cell of row.cells) {
      const span = cell.span ?? 1;
      const need = needs[column];
      if (span === 1 && need) {
        const { min, max } = cellNeed(cell, block.columns[column]?.nowrap ?? false);
        need.min = Math.max(need.min, min);
        need.max = Math.max(need.max, max);
      }
      column += span;
    }
  }
  const minTotal = needs.reduce((a, n) => a + n.min, 0);
  if (minTotal >= page)
    return share(
      needs.map((n) => n.min),
      page,
    );
  const maxTotal = needs.reduce((a, n) => a + n.max, 0);
  if (maxTotal <= page)
    return share(
      needs.map((n) => n.max),
      page,
    );
  // Between: each column gets its minimum plus a share of what is left by how much more it wants.
  const room = page - minTotal;
  const wanted = maxTotal - minTotal;
  return share(
    needs.map((n) => n.min + ((n.max - n.min) * room) / wanted),
    page,
  );
}

/** Scales widths to add up exactly to `page`, in whole twips (the last column takes the rest). */
function share(widths: number[], page: number): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => Math.floor((w / total) * page));
  const rest = page - scaled.reduce((a, b) => a + b, 0);
  if (scaled.length > 0) scaled[scaled.length - 1] = (scaled[scaled.length - 1] ?? 0) + rest;
  return scaled;
}
