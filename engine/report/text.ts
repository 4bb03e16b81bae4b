// Findings for people: location, the offending line with a caret, the explanation,
// expected / found / difference, and what to do (in the style of hledger's errors).
import type { Figure, Finding } from '../findings.js';
import { formatPercent } from '../format/swedish.js';
import { showAmount, showSignedAmount } from '../money.js';

const showFigure = (figure: Figure): string =>
  'amount' in figure
    ? showAmount(figure.amount, figure.unit)
    : 'percent' in figure
      ? formatPercent(figure.percent, ' ')
      : figure.text;

export function formatFinding(finding: Finding): string {
  const lines = [`${finding.file}:${finding.line}:${finding.column}: ${finding.severity} [${finding.code}]`];
  if (finding.excerpt !== undefined && finding.excerpt.trim() !== '') {
    const gutter = String(finding.line).length;
    lines.push(`   ${finding.line} | ${finding.excerpt.replace(/\t/g, ' ')}`);
    lines.push(`   ${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, finding.column - 1))}^`);
  }
  lines.push(`   ${finding.message}`);
  const { expected, found } = finding;
  if (expected || found) {
    const parts = [expected && `förväntat ${showFigure(expected)}`, found && `funnet ${showFigure(found)}`];
    if (expected && found && 'amount' in expected && 'amount' in found)
      parts.push(`skillnad ${showSignedAmount(found.amount - expected.amount, found.unit)}`);
    lines.push(`   ${parts.filter(Boolean).join(' · ')}`);
  }
  if (finding.hint) lines.push(`   ${finding.hint}`);
  lines.push(`   Mer om ${finding.code}: README.md#${finding.code}`);
  return lines.join('\n');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function formatSummary(
  errors: number,
  warnings: number,
  counts: { meetings: number; ansokningar: number; arenden: number },
  seconds: number,
): string {
  const time = seconds.toFixed(2).replace('.', ',');
  return `${plural(errors, 'fel', 'fel')}, ${plural(warnings, 'varning', 'varningar')} i ${plural(counts.meetings, 'möte', 'möten')} (${plural(counts.ansokningar, 'ansökan', 'ansökningar')}, ${plural(counts.arenden, 'ärende', 'ärenden')}) – ${time} s`;
}

/** One line per finding, for listings after a build. */
export const formatFindingLine = (finding: Finding): string =>
  `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} [${finding.code}] ${finding.message}`;
