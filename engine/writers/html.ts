// The document model as an accessible HTML page: semantic elements only (headings in order,
// paragraphs, lists, tables with <th scope>), lang="sv", no script, one small stylesheet.
import type { Block, Cell, Inline, Row } from '../../schemas/document.js';
import { formatValue } from './values.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

function inlinesHtml(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      if (inline.type === 'break') return '<br>';
      let html = escapeHtml(inline.type === 'text' ? inline.text : formatValue(inline.value));
      if (inline.type === 'text' && inline.emphasis) html = `<em>${html}</em>`;
      if (inline.strong) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function cellHtml(cell: Cell, row: Row, index: number, align: 'left' | 'right'): string {
  const content = cell.value.type === 'rich' ? inlinesHtml(cell.value.content) : escapeHtml(formatValue(cell.value));
  const shown = cell.strong && row.kind !== 'header' ? `<strong>${content}</strong>` : content;
  const span = cell.span && cell.span > 1 ? ` colspan="${cell.span}"` : '';
  // Right-aligned figures; a date is kept on one line (never broken at its hyphens).
  const classes = [align === 'right' && !span ? 'tal' : '', cell.value.type === 'date' ? 'datum' : ''].filter(Boolean);
  const className = classes.length ? ` class="${classes.join(' ')}"` : '';
  if (row.kind === 'header') return `<th scope="col"${span}${className}>${shown}</th>`;
  // The first cell of a body row names the row; headings of sections name the rows below them.
  if (index === 0 && content !== '') return `<th scope="row"${span}${className}>${shown}</th>`;
  return `<td${span}${className}>${shown}</td>`;
}

function tableHtml(block: Extract<Block, { type: 'table' }>): string {
  const header = block.rows.filter((row) => row.kind === 'header');
  const body = block.rows.filter((row) => row.kind !== 'header');
  const rowHtml = (row: Row) => {
    let column = 0;
    const cells = row.cells.map((cell, index) => {
      const align = block.columns[column]?.align ?? 'left';
      column += cell.span ?? 1;
      return cellHtml(cell, row, index, align);
    });
    return `<tr class="${row.kind}">${cells.join('')}</tr>`;
  };
  return [
    '<table>',
    header.length ? `<thead>${header.map(rowHtml).join('')}</thead>` : '',
    `<tbody>${body.map(rowHtml).join('')}</tbody>`,
    '</table>',
  ].join('');
}

/**
 * Blocks as HTML. `base` is the level of the page's first heading: a document's heading 1
 * becomes <h{base}>, so that a page that puts documents under its own <h1> keeps its order.
 */
export function blocksHtml(blocks: readonly Block[], base = 1): string {
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'heading': {
          const level = Math.min(6, block.level + base - 1);
          return `<h${level}>${inlinesHtml(block.content)}</h${level}>`;
        }
        case 'paragraph':
          return block.content.length
            ? `<p${block.style === 'note' ? ' class="not"' : ''}>${inlinesHtml(block.content)}</p>`
            : '';
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${blocksHtml(item, base)}</li>`).join('')}</${tag}>`;
        }
        case 'table':
          return tableHtml(block);
      }
    })
    .join('\n');
}

export const DOCUMENT_STYLE = `body{font-family:Carlito,Calibri,"Liberation Sans",Arial,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #999;padding:.2rem .4rem;text-align:left;vertical-align:top}
th[scope=col]{background:#e7e6e6}.tal{text-align:right}.datum{white-space:nowrap}tr.section th,tr.section td,tr.total th,tr.total td{background:#e7e6e6}
.not{font-style:italic;font-size:.9rem}tr.signature td{height:2.5rem}a:focus,a:focus-visible{outline:3px solid #1a4e8a;outline-offset:2px}
@media print{body{max-width:none}a{color:inherit}thead{display:table-header-group}tr{break-inside:avoid}h1,h2,h3{break-after:avoid}}`;

/** A whole page: title, language, the stylesheet, and the blocks under one <main>. */
export function htmlPage(title: string, blocks: readonly Block[], header = ''): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="sv">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${DOCUMENT_STYLE}</style>`,
    '</head>',
    '<body>',
    header,
    '<main>',
    blocksHtml(blocks),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
