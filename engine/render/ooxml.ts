// Small builders for the OOXML the engine writes itself: tables whose columns follow the
// parties and years of a budget, which a template's fixed table cannot express.
import { escapeXml } from './richtext.js';

export interface Cell {
  text: string;
  bold?: boolean;
  /** Numbers are right-aligned. */
  align?: 'left' | 'right';
  /** A cell that spans the remaining columns of its row (section headings). */
  span?: number;
  shade?: boolean;
}

const run = (text: string, bold?: boolean) =>
  `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

function cellXml(cell: Cell, width: number): string {
  const properties = [
    `<w:tcW w:w="${width}" w:type="dxa"/>`,
    cell.span && cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : '',
    cell.shade ? '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' : '',
  ].join('');
  const justify = cell.align === 'right' ? '<w:jc w:val="right"/>' : '';
  return `<w:tc><w:tcPr>${properties}</w:tcPr><w:p><w:pPr><w:pStyle w:val="Tabelltext"/>${justify}</w:pPr>${cell.text ? run(cell.text, cell.bold) : ''}</w:p></w:tc>`;
}

/**
 * A table with the given column widths (in twentieths of a point) and rows of cells.
 * The first `headerRows` rows repeat on every page.
 */
export function table(widths: readonly number[], rows: readonly (readonly Cell[])[], headerRows = 1): string {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  const body = rows
    .map((cells, index) => {
      let column = 0;
      const xml = cells
        .map((cell) => {
          const span = cell.span ?? 1;
          const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          return cellXml(cell, width);
        })
        .join('');
      const header =
        index < headerRows ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
      return `<w:tr>${header}${xml}</w:tr>`;
    })
    .join('');
  const total = widths.reduce((a, b) => a + b, 0);
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}
