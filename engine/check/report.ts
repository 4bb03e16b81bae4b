// Small constructors for findings, shared by every check.
import { amountFigure, CODES, type Figure, type Finding, type FindingCode } from '../findings.js';
import { formatKronor } from '../format/swedish.js';
import { locate, type Path, type SourceFile } from '../load/source.js';

export interface Extra {
  expected?: Figure;
  found?: Figure;
  hint?: string;
  /** Point at the key rather than its value (for a wrong year key, say). */
  onKey?: boolean;
}

export function report(code: FindingCode, source: SourceFile, at: Path, message: string, extra: Extra = {}): Finding {
  const { onKey, ...rest } = extra;
  return { code, severity: CODES[code].severity, ...locate(source, at, onKey), message, ...rest };
}

export const kr = (ore: number) => `${formatKronor(ore, ' ')} kr`;
export const tkr = (ore: number) => `${formatKronor(ore / 1000, ' ')} tkr`;

export interface Comparison {
  code: FindingCode;
  at: Path;
  /** Names the figure: "Summa lönekostnad, Enköpings kommun,". */
  what: string;
  /** The figure as typed; no finding when it was not typed. */
  stated: number | undefined;
  /** What the figure's parts add up to. */
  computed: number;
  /** Names the parts: "raderna summerar till". */
  parts: string;
  hint?: string;
  /** Show the amounts in tkr, as in a table kept in tkr. */
  unit?: 'kr' | 'tkr';
  /**
   * What the figure's immediate parts add up to as the applicant stated them. A sum that
   * agrees with them is not reported: the error is then in a part, which has its own finding.
   * So one wrong figure gives one finding, whether it is a line or a subtotal.
   */
  alsoAccept?: number;
}

/** A stated figure compared with what its parts add up to; no finding when they agree. */
export function compareAmount(source: SourceFile, c: Comparison): Finding[] {
  if (c.stated === undefined || c.stated === c.computed || c.stated === c.alsoAccept) return [];
  const show = c.unit === 'tkr' ? tkr : kr;
  return [
    report(c.code, source, c.at, `${c.what} står som ${show(c.stated)}, men ${c.parts} ${show(c.computed)}.`, {
      expected: amountFigure(c.computed, c.unit),
      found: amountFigure(c.stated, c.unit),
      ...(c.hint ? { hint: c.hint } : {}),
    }),
  ];
}

export const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};
