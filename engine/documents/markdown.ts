// Markdown from the YAML content as blocks of the document model. Only a small subset is
// interpreted (paragraphs, *kursiv*, **fet**, lists, line breaks, {{figures}}); everything
// else comes out as literal text, so nothing a person wrote is lost.
import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import type { Block, Inline } from '../../schemas/document.js';
import { FIGURE_REFERENCE, type Figures } from '../derive/figures.js';

// GFM off: tables, strikethrough, task lists and bare www-links then stay literal text.
const LEXER_OPTIONS = { gfm: false };

interface Style {
  strong: boolean;
  emphasis: boolean;
}

const softWrap = (text: string) => text.replace(/[ \t]*\n[ \t]*/g, ' ');

/** Text with its {{figures}} replaced by figure inlines; an unknown name stays as typed (check reports it). */
function textInlines(text: string, style: Style, figures: Figures, out: Inline[]): void {
  let last = 0;
  const push = (piece: string) =>
    piece &&
    out.push({
      type: 'text',
      text: piece,
      ...(style.emphasis ? { emphasis: true } : {}),
      ...(style.strong ? { strong: true } : {}),
    });
  for (const match of text.matchAll(FIGURE_REFERENCE)) {
    const figure = figures[match[1]!];
    if (!figure) continue;
    push(text.slice(last, match.index));
    out.push({ type: 'value', name: match[1]!, value: figure.value, ...(style.strong ? { strong: true } : {}) });
    last = match.index + match[0].length;
  }
  push(text.slice(last));
}

function collect(tokens: readonly Token[], style: Style, figures: Figures, out: Inline[]): void {
  for (const token of tokens as MarkedToken[]) {
    switch (token.type) {
      case 'strong':
        collect(token.tokens, { ...style, strong: true }, figures, out);
        break;
      case 'em':
        collect(token.tokens, { ...style, emphasis: true }, figures, out);
        break;
      case 'br':
        out.push({ type: 'break' });
        break;
      // marked HTML-escapes `text` only sometimes (when a numeric entity is present), so the
      // source (`raw`) is the only unambiguous literal.
      case 'text':
        textInlines(softWrap(token.raw), style, figures, out);
        break;
      case 'codespan':
      case 'escape':
        textInlines(token.text, style, figures, out);
        break;
      case 'link':
        collect(token.tokens, style, figures, out);
        // An autolink (<https://…>) already shows its address.
        if (!token.raw.startsWith('<')) textInlines(` (${token.href})`, style, figures, out);
        break;
      default:
        textInlines(softWrap(token.raw), style, figures, out);
    }
  }
}

/** Adjacent text of the same style as one inline, so writers emit one run per styled span. */
function merge(inlines: readonly Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const inline of inlines) {
    const last = merged.at(-1);
    if (
      inline.type === 'text' &&
      last?.type === 'text' &&
      Boolean(last.strong) === Boolean(inline.strong) &&
      Boolean(last.emphasis) === Boolean(inline.emphasis)
    ) {
      merged[merged.length - 1] = { ...last, text: last.text + inline.text };
    } else {
      merged.push(inline);
    }
  }
  return merged;
}

const PLAIN: Style = { strong: false, emphasis: false };

function block(token: Token, figures: Figures, out: Block[], style: 'body' | 'table'): void {
  const known = token as MarkedToken;
  switch (known.type) {
    case 'space':
      return;
    case 'paragraph':
    case 'text':
    case 'heading': {
      const content: Inline[] = [];
      collect(
        known.tokens ?? [{ type: 'text', raw: known.raw, text: known.raw }],
        { strong: known.type === 'heading', emphasis: false },
        figures,
        content,
      );
      out.push({ type: 'paragraph', content: merge(content), style });
      return;
    }
    case 'blockquote':
      for (const child of known.tokens) block(child, figures, out, style);
      return;
    case 'list':
      out.push({
        type: 'list',
        ordered: known.ordered,
        items: known.items.map((item: Tokens.ListItem) => {
          const children: Block[] = [];
          for (const child of item.tokens) block(child, figures, children, style);
          return children;
        }),
      });
      return;
    default: {
      const content: Inline[] = [];
      token.raw
        .replace(/\n+$/, '')
        .split('\n')
        .forEach((line, i) => {
          if (i) content.push({ type: 'break' });
          textInlines(line, PLAIN, figures, content);
        });
      out.push({ type: 'paragraph', content: merge(content), style });
    }
  }
}

/** Markdown as blocks; never an empty list, so a writer always has a paragraph to place. */
export function markdownBlocks(markdown: string, figures: Figures = {}, style: 'body' | 'table' = 'body'): Block[] {
  const out: Block[] = [];
  for (const token of Lexer.lex(markdown, LEXER_OPTIONS)) block(token, figures, out, style);
  return out.length ? out : [{ type: 'paragraph', content: [], style }];
}

/** One line of Markdown as inlines (a rubrik: "Ansökan *Växtkraft* – Enköping"). */
export function markdownInlines(markdown: string, figures: Figures = {}): Inline[] {
  const out: Inline[] = [];
  collect(Lexer.lexInline(markdown, LEXER_OPTIONS), PLAIN, figures, out);
  return merge(out);
}

/** Plain text as inlines, for text that is not Markdown (names, titles typed as data). */
export const plain = (text: string): Inline[] => (text ? [{ type: 'text', text }] : []);
