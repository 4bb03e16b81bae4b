// The document model: what every document kind produces and every writer consumes. It knows
// no format: an amount stays öre with its unit until a writer shows it, a heading is a level,
// a table has typed cells and layout hints. `handlingar data` prints it as JSON.
import { z } from 'zod';

const unit = z.enum(['kr', 'tkr', 'mkr']);

/** A typed value, as in a table cell or a figure cited in a text. */
export const value = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  /** An amount in öre, shown in its unit (tkr with up to two decimals), with the unit's name when `named`. */
  z.object({ type: z.literal('amount'), ore: z.number().int(), unit, named: z.boolean().optional() }),
  /** An ISO date, YYYY-MM-DD. */
  z.object({ type: z.literal('date'), iso: z.string() }),
  /** A percentage in hundredths of a percent: 8500 is 85 %. */
  z.object({ type: z.literal('percent'), hundredths: z.number().int() }),
  /** A plain number in hundredths: 445 is 4,45; 1100 is 11. */
  z.object({ type: z.literal('number'), hundredths: z.number().int() }),
]);

export const inline = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z.string(),
    emphasis: z.boolean().optional(),
    strong: z.boolean().optional(),
  }),
  /** A typed value in running text; `name` when it is a figure the text cited as {{name}}. */
  z.object({ type: z.literal('value'), value, name: z.string().optional(), strong: z.boolean().optional() }),
  z.object({ type: z.literal('break') }),
]);

/** What a table cell holds: a typed value, or text with emphasis (an insats name in italics). */
export const cellValue = z.union([value, z.object({ type: z.literal('rich'), content: z.array(inline) })]);

export const cell = z.object({
  value: cellValue,
  /** How many columns the cell spans (a group heading spans the row). */
  span: z.number().int().positive().optional(),
  strong: z.boolean().optional(),
});

/**
 * A row's role: the writers style it and keep it in place from it. A header repeats on every
 * page; a section or group heading stays with the rows after it; sections and totals are shaded;
 * a signature row is tall enough to sign in by hand.
 */
export const rowKind = z.enum(['header', 'section', 'group', 'line', 'sum', 'total', 'signature']);

export const row = z.object({ kind: rowKind, cells: z.array(cell) });

/** A column's width comes from its content (the writer measures it); text or figures, left or right. */
export const column = z.object({
  align: z.enum(['left', 'right']),
  /** Keep every cell's text on one line (names, dates, periods); wrapped only when nothing else fits. */
  nowrap: z.boolean().optional(),
});

export type Block = z.infer<typeof blockBase> | { type: 'list'; ordered: boolean; items: Block[][] };

const blockBase = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.number().int().min(1).max(4), content: z.array(inline) }),
  z.object({
    type: z.literal('paragraph'),
    content: z.array(inline),
    /** body: running text; table: text in a table or a compact list; note: a small note under a table. */
    style: z.enum(['body', 'table', 'note']).optional(),
  }),
  z.object({ type: z.literal('table'), columns: z.array(column), rows: z.array(row) }),
]);

export const block: z.ZodType<Block> = z.lazy(() =>
  z.union([blockBase, z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(block)) })]),
);

/** Rich content of a field: the blocks a writer lays out in its place. */
export const blocks = z.array(block).describe('blocks');

export type Value = z.infer<typeof value>;
export type Inline = z.infer<typeof inline>;
export type Cell = z.infer<typeof cell>;
export type CellValue = z.infer<typeof cellValue>;
export type Row = z.infer<typeof row>;
export type RowKind = z.infer<typeof rowKind>;
export type Column = z.infer<typeof column>;
