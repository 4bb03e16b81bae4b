// Recomputes the simple formulas of budget workbooks (SUM over ranges and cells, + − × ÷,
// parentheses, numbers), to compare with the value the workbook cached. A formula it does
// not know gives undefined and is left alone.
import { columnNumber } from './layout.js';

/** A cell's number (0 when empty), or undefined when it holds text. */
export type CellLookup = (sheet: string | undefined, row: number, column: number) => number | undefined;

const TOKEN =
  /\s*(?:(?<ref>(?:(?:'(?<qs>[^']+)'|(?<s>[A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*))!)?\$?(?<c1>[A-Z]{1,3})\$?(?<r1>\d+)(?::\$?(?<c2>[A-Z]{1,3})\$?(?<r2>\d+))?)|(?<num>\d+(?:\.\d+)?)|(?<fn>SUM)\s*\(|(?<op>[-+*/(),;]))/y;

type Token =
  | { type: 'range'; sheet?: string; r1: number; c1: number; r2: number; c2: number }
  | { type: 'num'; value: number }
  | { type: 'sum' }
  | { type: 'op'; value: string };

function tokenize(formula: string): Token[] | undefined {
  const tokens: Token[] = [];
  const text = formula.replace(/^=/, '').trim();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match?.groups) return undefined;
    const g = match.groups;
    if (g.ref) {
      const r1 = Number(g.r1);
      const c1 = columnNumber(g.c1!);
      tokens.push({
        type: 'range',
        sheet: g.qs ?? g.s,
        r1,
        c1,
        r2: g.r2 ? Number(g.r2) : r1,
        c2: g.c2 ? columnNumber(g.c2) : c1,
      });
    } else if (g.num) tokens.push({ type: 'num', value: Number(g.num) });
    else if (g.fn) tokens.push({ type: 'sum' });
    else if (g.op) tokens.push({ type: 'op', value: g.op });
    else return undefined;
    if (match[0].length === 0) return undefined;
  }
  return tokens;
}

/** The formula's value from the cells' current values, or undefined if it is not understood. */
export function evaluateFormula(formula: string, lookup: CellLookup): number | undefined {
  const parsed = tokenize(formula);
  if (!parsed) return undefined;
  const tokens: Token[] = parsed;
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (value: string) => {
    const t = peek();
    return t?.type === 'op' && t.value === value;
  };
  const rangeSum = (t: Extract<Token, { type: 'range' }>): number | undefined => {
    let total = 0;
    for (let r = Math.min(t.r1, t.r2); r <= Math.max(t.r1, t.r2); r++)
      for (let c = Math.min(t.c1, t.c2); c <= Math.max(t.c1, t.c2); c++) {
        const v = lookup(t.sheet, r, c);
        if (v === undefined) {
          // SUM skips text, as spreadsheets do; a lone reference to text is not understood.
          if (t.r1 === t.r2 && t.c1 === t.c2) return undefined;
          continue;
        }
        total += v;
      }
    return total;
  };
  const primary = (): number | undefined => {
    const t = tokens[i++];
    if (!t) return undefined;
    if (t.type === 'num') return t.value;
    if (t.type === 'range') return t.r1 === t.r2 && t.c1 === t.c2 ? lookup(t.sheet, t.r1, t.c1) : undefined;
    if (t.type === 'sum') {
      let total = 0;
      for (;;) {
        const arg = peek();
        if (arg?.type === 'range') {
          i++;
          const v = rangeSum(arg);
          if (v === undefined) return undefined;
          total += v;
        } else {
          const v = expression();
          if (v === undefined) return undefined;
          total += v;
        }
        if (isOp(',') || isOp(';')) i++;
        else break;
      }
      if (!isOp(')')) return undefined;
      i++;
      return total;
    }
    if (t.value === '(') {
      const v = expression();
      if (!isOp(')')) return undefined;
      i++;
      return v;
    }
    if (t.value === '-') {
      const v = primary();
      return v === undefined ? undefined : -v;
    }
    return undefined;
  };
  const term = (): number | undefined => {
    let left = primary();
    while (left !== undefined && (isOp('*') || isOp('/'))) {
      const op = (tokens[i++] as { value: string }).value;
      const right = primary();
      if (right === undefined || (op === '/' && right === 0)) return undefined;
      left = op === '*' ? left * right : left / right;
    }
    return left;
  };
  function expression(): number | undefined {
    let left = term();
    while (left !== undefined && (isOp('+') || isOp('-'))) {
      const op = (tokens[i++] as { value: string }).value;
      const right = term();
      if (right === undefined) return undefined;
      left = op === '+' ? left + right : left - right;
    }
    return left;
  }
  const value = expression();
  return i === tokens.length ? value : undefined;
}
