// Findings for programs: amounts in kronor as JSON numbers.
import type { Figure, Finding } from '../findings.js';

const figureValue = (figure: Figure | undefined): number | string | undefined =>
  figure === undefined
    ? undefined
    : 'amount' in figure
      ? figure.amount / 100
      : 'percent' in figure
        ? figure.percent / 100
        : figure.text;

export function toJson(findings: readonly Finding[], summary: { errors: number; warnings: number }): string {
  const list = findings.map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    message: finding.message,
    expected: figureValue(finding.expected),
    found: figureValue(finding.found),
    ...(finding.hint ? { hint: finding.hint } : {}),
  }));
  return JSON.stringify({ findings: list, summary }, null, 2);
}
