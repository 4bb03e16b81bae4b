// Small builders for the document model, so that kinds read as the documents they describe.
import type { Block, Cell, CellValue, Column, Inline, Row, Value } from '../../schemas/document.js';
import type { Unit } from '../money.js';
import { plain } from './markdown.js';

export const heading = (level: 1 | 2 | 3, text: string | Inline[]): Block => ({
  type: 'heading',
  level,
  content: typeof text === 'string' ? plain(text) : text,
});

export const plainParagraph = (text: string, style: 'body' | 'table' | 'note' = 'body'): Block => ({
  type: 'paragraph',
  content: plain(text),
  style,
});

/** "Dag torsdagen den 12 september 2024": a bold label and its text or typed value. */
export const labelled = (label: string, text: string | Value): Block => ({
  type: 'paragraph',
  style: 'body',
  content: [
    { type: 'text', text: `${label} `, strong: true },
    ...(typeof text === 'string' ? plain(text) : [{ type: 'value' as const, value: text }]),
  ],
});

export const table = (columns: Column[], rows: Row[]): Block => ({ type: 'table', columns, rows });

/** Columns: text to the left, figures to the right; ONE_LINE for names and dates that must not wrap. */
export const TEXT: Column = { align: 'left' };
export const FIGURES: Column = { align: 'right' };
export const ONE_LINE: Column = { align: 'left', nowrap: true };

export const valueCell = (value: CellValue, strong = false, span?: number): Cell => ({
  value,
  ...(strong ? { strong } : {}),
  ...(span && span > 1 ? { span } : {}),
});

export const textCell = (text: string | Inline[], strong = false, span?: number): Cell =>
  valueCell(typeof text === 'string' ? { type: 'text', text } : { type: 'rich', content: text }, strong, span);

export const amountCell = (ore: number | undefined, unit: Unit, strong = false): Cell =>
  ore === undefined ? textCell('') : valueCell({ type: 'amount', ore, unit }, strong);

export const amount = (ore: number, unit: Unit = 'kr', named = false): Value => ({
  type: 'amount',
  ore,
  unit,
  ...(named ? { named } : {}),
});

export const row = (kind: Row['kind'], cells: Cell[]): Row => ({ kind, cells });
