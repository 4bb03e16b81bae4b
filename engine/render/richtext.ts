// Markdown from the YAML content as WordprocessingML, for docxtemplater's raw-XML tags. Only a
// small subset is interpreted; everything else comes out as literal text so nothing is lost.
import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';

export const BULLET_NUM_ID = 900;
export const NUMBERED_NUM_ID_BASE = 901;

export interface RichTextOptions {
  /** Paragraph style id for body paragraphs (e.g. 'Brodtext'); omitted → no pStyle. */
  paragraphStyle?: string;
  /** Paragraph style id for list items (e.g. 'Liststycke'); omitted → no pStyle. */
  listStyle?: string;
}

export interface RichTextResult {
  /** One or more <w:p> elements (OOXML WordprocessingML), ready for docxtemplater's raw-XML tag {@…}. */
  xml: string;
  /** How many numbered lists were emitted (each needs its own w:num restart instance). */
  numberedLists: number;
}

// GFM off: tables, strikethrough, task lists and bare www-links then stay literal text.
const LEXER_OPTIONS = { gfm: false };

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for OOXML (&, <, >, ", '). */
export function escapeXml(text: string): string {
  // Control characters are not allowed in XML 1.0 at all and would make Word refuse the file.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Piece = { text: string; bold: boolean; italic: boolean } | 'break';

const softWrap = (text: string) => text.replace(/[ \t]*\n[ \t]*/g, ' ');

function collect(tokens: readonly Token[], bold: boolean, italic: boolean, out: Piece[]): void {
  const push = (text: string) => text && out.push({ text, bold, italic });
  for (const token of tokens as MarkedToken[]) {
    switch (token.type) {
      case 'strong':
        collect(token.tokens, true, italic, out);
        break;
      case 'em':
        collect(token.tokens, bold, true, out);
        break;
      case 'br':
        out.push('break');
        break;
      // marked HTML-escapes `text` only sometimes (when a numeric entity is present), so the
      // source (`raw`) is the only unambiguous literal.
      case 'text':
        push(softWrap(token.raw));
        break;
      case 'codespan':
      case 'escape':
        push(token.text);
        break;
      case 'link':
        collect(token.tokens, bold, italic, out);
        // An autolink (<https://…>) already shows its address.
        if (!token.raw.startsWith('<')) push(` (${token.href})`);
        break;
      default:
        push(softWrap(token.raw));
    }
  }
}

function runs(pieces: readonly Piece[]): string {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (piece !== 'break' && last && last !== 'break' && last.bold === piece.bold && last.italic === piece.italic) {
      last.text += piece.text;
    } else {
      merged.push(piece === 'break' ? piece : { ...piece });
    }
  }
  return merged
    .map((piece) => {
      if (piece === 'break') return '<w:r><w:br/></w:r>';
      const props = `${piece.bold ? '<w:b/>' : ''}${piece.italic ? '<w:i/>' : ''}`;
      const rPr = props ? `<w:rPr>${props}</w:rPr>` : '';
      return `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(piece.text)}</w:t></w:r>`;
    })
    .join('');
}

/** Where a paragraph sits in a list item; only the item's first paragraph carries the number. */
interface ListPlace {
  numId: number;
  ordered: boolean;
  ilvl: number;
  started: boolean;
}

interface Context {
  options: RichTextOptions;
  firstIndex: number;
  numbered: number;
  paragraphs: string[];
}

function paragraph(context: Context, pieces: readonly Piece[], place?: ListPlace): void {
  const style = place ? context.options.listStyle : context.options.paragraphStyle;
  let props = style ? `<w:pStyle w:val="${escapeXml(style)}"/>` : '';
  if (place) {
    props += place.started
      ? `<w:ind w:left="${720 * (place.ilvl + 1)}"/>`
      : `<w:numPr><w:ilvl w:val="${place.ilvl}"/><w:numId w:val="${place.numId}"/></w:numPr>`;
    place.started = true;
  }
  const content = (props ? `<w:pPr>${props}</w:pPr>` : '') + runs(pieces);
  context.paragraphs.push(content ? `<w:p>${content}</w:p>` : '<w:p/>');
}

function list(context: Context, token: Tokens.List, ilvl: number, parent?: ListPlace): void {
  // A numbered list nested in a numbered one shares its instance: level 1 restarts by itself.
  const numId = !token.ordered
    ? BULLET_NUM_ID
    : parent?.ordered
      ? parent.numId
      : NUMBERED_NUM_ID_BASE + context.firstIndex + context.numbered++;
  for (const item of token.items) {
    // Word numbering here has two levels, so deeper lists are flattened onto the second.
    const place: ListPlace = { numId, ordered: token.ordered, ilvl: Math.min(ilvl, 1), started: false };
    for (const child of item.tokens) block(context, child, place);
    if (!place.started) paragraph(context, [], place);
  }
}

function block(context: Context, token: Token, place?: ListPlace): void {
  const known = token as MarkedToken;
  switch (known.type) {
    case 'space':
      return;
    case 'paragraph':
    case 'text':
    case 'heading': {
      const pieces: Piece[] = [];
      collect(
        known.tokens ?? [{ type: 'text', raw: known.raw, text: known.raw }],
        known.type === 'heading',
        false,
        pieces,
      );
      return paragraph(context, pieces, place);
    }
    case 'blockquote':
      for (const child of known.tokens) block(context, child, place);
      return;
    case 'list':
      return list(context, known, place ? place.ilvl + 1 : 0, place);
    default: {
      const lines = token.raw.replace(/\n+$/, '').split('\n');
      const pieces = lines.flatMap((text, i): Piece[] =>
        i ? ['break', { text, bold: false, italic: false }] : [{ text, bold: false, italic: false }],
      );
      return paragraph(context, pieces, place);
    }
  }
}

export function richTextToOoxml(
  markdown: string,
  options: RichTextOptions = {},
  firstNumberedListIndex = 0,
): RichTextResult {
  const context: Context = { options, firstIndex: firstNumberedListIndex, numbered: 0, paragraphs: [] };
  for (const token of Lexer.lex(markdown, LEXER_OPTIONS)) block(context, token);
  if (context.paragraphs.length === 0) paragraph(context, []);
  return { xml: context.paragraphs.join(''), numberedLists: context.numbered };
}

/** Inline-only variant: a single run sequence (no <w:p>), for text inside an existing paragraph, e.g. "Ansökan *Växtkraft* – Enköping". */
export function inlineRuns(markdown: string): string {
  const pieces: Piece[] = [];
  collect(Lexer.lexInline(markdown, LEXER_OPTIONS), false, false, pieces);
  return runs(pieces);
}

/** The w:num instances for `count` numbered lists, each restarting at 1, to append to word/numbering.xml. */
export function numberingInstancesXml(count: number, abstractNumId = 901): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `<w:num w:numId="${NUMBERED_NUM_ID_BASE + i}"><w:abstractNumId w:val="${abstractNumId}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
  ).join('');
}
