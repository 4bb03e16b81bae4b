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

/**
 * A stated figure compared with what its parts add up to. Returns no finding when they agree.
 * `what` names the figure ("Summa lönekostnad, Enköpings kommun"); `parts` names its parts.
 *
 * A sum that agrees with its immediate parts as the applicant stated them (`alsoAccept`) is not
 * reported either: the error is then in a part, which has its own finding. So one wrong figure
 * gives one finding, whether it is a line or a subtotal.
 */
export function compareAmount(
  code: FindingCode,
  source: SourceFile,
  at: Path,
  what: string,
  stated: number | undefined,
  computed: number,
  parts: string,
  hint?: string,
  alsoAccept?: number,
): Finding[] {
  if (stated === undefined || stated === computed || stated === alsoAccept) return [];
  return [
    report(code, source, at, `${what} är angiven till ${kr(stated)}, men ${parts} ${kr(computed)}.`, {
      expected: amountFigure(computed),
      found: amountFigure(stated),
      ...(hint ? { hint } : {}),
    }),
  ];
}

export const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};
