// The document model as WordprocessingML, for docxtemplater's raw tags {@…}: paragraphs in
// the templates' styles, numbered and bulleted lists, and tables whose columns follow the
// parties and years of a budget (which a template's fixed table cannot express).
import type { Block, Cell, Inline, Row } from '../../../schemas/document.js';
import { formatValue } from '../values.js';
import { CELL_MARGIN, columnWidths } from './columns.js';

export const BULLET_NUM_ID = 900;
export const NUMBERED_NUM_ID_BASE = 901;

/**
 * Text widths of an A4 page with the bundled templates' margins (2,54 cm), in twentieths of a
 * point; a template with other margins gives its own (render.ts reads its section properties).
 */
export const TEXT_WIDTH = { portrait: 9026, landscape: 13958 } as const;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for OOXML (&, <, >, ", '). */
export function escapeXml(text: string): string {
  // Control characters are not allowed in XML 1.0 at all and would make Word refuse the file.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const STYLE = { body: 'Brodtext', table: 'Tabelltext', note: 'Tabelltext', list: 'Liststycke' } as const;

/** Per document: how many numbered lists it has, each needing its own restarting instance. */
export interface OoxmlContext {
  numberedLists: number;
  /** The width tables fill, in twentieths of a point. */
  textWidth: number;
}

function run(text: string, props: { strong?: boolean; emphasis?: boolean }): string {
  const rPr = `${props.strong ? '<w:b/>' : ''}${props.emphasis ? '<w:i/>' : ''}`;
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** Inlines as runs; `force` adds emphasis or weight to every run (a note, a bold cell). */
export function runs(inlines: readonly Inline[], force: { strong?: boolean; emphasis?: boolean } = {}): string {
  return inlines
    .map((inline) => {
      if (inline.type === 'break') return '<w:r><w:br/></w:r>';
      const props = {
        strong: force.strong || inline.strong,
        emphasis: force.emphasis || (inline.type === 'text' && inline.emphasis),
      };
      return run(inline.type === 'text' ? inline.text : formatValue(inline.value), props);
    })
    .join('');
}

function paragraph(style: string, content: string, extra = ''): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${extra}</w:pPr>${content}</w:p>`;
}

interface ListPlace {
  numId: number;
  ilvl: number;
  /** Only an item's first paragraph carries the number; later ones are indented under it. */
  started: boolean;
}

function listXml(block: Extract<Block, { type: 'list' }>, context: OoxmlContext, parent?: ListPlace): string {
  // A numbered list nested in a numbered one shares its instance: level 1 restarts by itself.
  const numId = !block.ordered
    ? BULLET_NUM_ID
    : parent && parent.numId !== BULLET_NUM_ID
      ? parent.numId
      : NUMBERED_NUM_ID_BASE + context.numberedLists++;
  // Word numbering here has two levels, so deeper lists are flattened onto the second.
  const ilvl = parent ? Math.min(parent.ilvl + 1, 1) : 0;
  return block.items
    .map((item) => {
      const place: ListPlace = { numId, ilvl, started: false };
      const xml = item.map((child) => blockXml(child, context, place)).join('');
      return place.started ? xml : listParagraph('', place) + xml;
    })
    .join('');
}

function listParagraph(content: string, place: ListPlace): string {
  const numbering = place.started
    ? `<w:ind w:left="${720 * (place.ilvl + 1)}"/>`
    : `<w:numPr><w:ilvl w:val="${place.ilvl}"/><w:numId w:val="${place.numId}"/></w:numPr>`;
  place.started = true;
  return paragraph(STYLE.list, content, numbering);
}

function blockXml(block: Block, context: OoxmlContext, place?: ListPlace): string {
  switch (block.type) {
    case 'heading':
      return block.level <= 2
        ? paragraph(`Rubrik${block.level}`, runs(block.content))
        : paragraph(STYLE.body, runs(block.content, { strong: true }), '<w:keepNext/>');
    case 'paragraph': {
      const content = runs(block.content, block.style === 'note' ? { emphasis: true } : {});
      return place ? listParagraph(content, place) : paragraph(STYLE[block.style ?? 'body'], content);
    }
    case 'list':
      return listXml(block, context, place);
    case 'table':
      return tableXml(block, context);
  }
}

/** The draft mark: large red bold text, the first paragraph of a document built while check has errors. */
export function draftXml(text: string): string {
  return paragraph(
    STYLE.body,
    `<w:r><w:rPr><w:b/><w:color w:val="C00000"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`,
    '<w:keepNext/>',
  );
}

/** Blocks as OOXML paragraphs and tables; no blocks give no XML, so the tag's paragraph goes. */
export function blocksXml(blocks: readonly Block[], context: OoxmlContext): string {
  return blocks.map((block) => blockXml(block, context)).join('');
}

// ---------------------------------------------------------------- tables

/** Tables of at most this many rows are kept on one page. */
const SHORT_TABLE_ROWS = 12;
/** A row to sign in: at least 1,2 cm, room for a handwritten signature and date. */
const SIGNATURE_ROW_HEIGHT = '<w:trHeight w:val="680" w:hRule="atLeast"/>';
const SHADE = '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>';

function cellXml(cell: Cell, width: number, align: 'left' | 'right', kind: Row['kind'], keepNext: boolean): string {
  const span = cell.span ?? 1;
  const properties = [
    `<w:tcW w:w="${width}" w:type="dxa"/>`,
    span > 1 ? `<w:gridSpan w:val="${span}"/>` : '',
    kind === 'total' || kind === 'section' ? SHADE : '',
  ].join('');
  const value = cell.value;
  const content =
    value.type === 'rich'
      ? runs(value.content, { strong: cell.strong })
      : formatValue(value)
        ? run(formatValue(value), { strong: cell.strong })
        : '';
  const justify = align === 'right' && span === 1 ? '<w:jc w:val="right"/>' : '';
  return `<w:tc><w:tcPr>${properties}</w:tcPr>${paragraph(STYLE.table, content, `${keepNext ? '<w:keepNext/>' : ''}${justify}`)}</w:tc>`;
}

/**
 * A table as wide as the page's text, its columns as wide as their content needs. Header rows repeat on
 * every page, no row splits across pages, and a group heading is kept with the row after it.
 */
function tableXml(block: Extract<Block, { type: 'table' }>, context: OoxmlContext): string {
  const widths = columnWidths(block, context.textWidth);
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  // A short table stays on one page, with the heading before it; a long one keeps its headings
  // with the rows after them.
  const whole = block.rows.length <= SHORT_TABLE_ROWS;
  const body = block.rows
    .map((row, index) => {
      let column = 0;
      const keepNext =
        (whole && index < block.rows.length - 1) ||
        row.kind === 'header' ||
        row.kind === 'group' ||
        row.kind === 'section';
      const cells = row.cells
        .map((cell) => {
          const span = cell.span ?? 1;
          const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
          const align = block.columns[column]?.align ?? 'left';
          column += span;
          return cellXml(cell, width, align, row.kind, keepNext);
        })
        .join('');
      const header = row.kind === 'header' ? '<w:tblHeader/>' : '';
      const height = row.kind === 'signature' ? SIGNATURE_ROW_HEIGHT : '';
      return `<w:tr><w:trPr>${header}<w:cantSplit/>${height}</w:trPr>${cells}</w:tr>`;
    })
    .join('');
  const width = widths.reduce((a, b) => a + b, 0);
  const margins = `<w:tblCellMar><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>${margins}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

/** The w:num instances for `count` numbered lists, each restarting at 1, to append to word/numbering.xml. */
export function numberingInstancesXml(count: number, abstractNumId = 901): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `<w:num w:numId="${NUMBERED_NUM_ID_BASE + i}"><w:abstractNumId w:val="${abstractNumId}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
  ).join('');
}
