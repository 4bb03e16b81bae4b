// A stated figure against what its parts add up to: the comparison behind most checks.
import { amountFigure, finding, type Finding, type FindingCode } from '../findings.js';
import type { Path, SourceFile } from '../load/source.js';
import { showAmount, type Unit } from '../money.js';

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
  unit?: Unit;
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
  const show = (ore: number) => showAmount(ore, c.unit);
  return [
    finding(c.code, source, c.at, `${c.what} står som ${show(c.stated)}, men ${c.parts} ${show(c.computed)}.`, {
      expected: amountFigure(c.computed, c.unit),
      found: amountFigure(c.stated, c.unit),
      ...(c.hint ? { hint: c.hint } : {}),
    }),
  ];
}
