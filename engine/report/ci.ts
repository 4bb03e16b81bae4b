// Findings for CI systems: GitHub Actions annotations and a JUnit report.
import { CODES, type Finding } from '../findings.js';
import { showInvisible } from '../format/invisible.js';

/** GitHub's workflow-command escaping: data and property values differ. */
const escapeData = (text: string) =>
  showInvisible(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error file=…,line=…,col=…,title=…::message` line per finding. */
export function toGithubAnnotations(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const level = f.severity === 'fel' ? 'error' : 'warning';
      const properties = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `title=${escapeProperty(`handlingar ${f.code}`)}`,
      ].join(',');
      return `::${level} ${properties}::${escapeData(f.message + (f.hint ? `\n${f.hint}` : ''))}`;
    })
    .join('\n');
}

/**
 * Text as XML character data or attribute value: markup escaped, and every character XML 1.0
 * does not allow (control characters, unpaired surrogates, U+FFFE/U+FFFF) shown as ⟨U+XXXX⟩,
 * so that the report is well-formed whatever the content holds.
 */
const xml = (text: string) =>
  showInvisible(text)
    .replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g,
      (char) => `⟨U+${char.charCodeAt(0).toString(16).toUpperCase()}⟩`,
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/**
 * A JUnit report: one test case per check code, failing with every finding of that code, so a
 * CI test view lists what was checked and what failed. Warnings are reported as passed cases
 * with their findings in system-out.
 */
export function toJunit(findings: readonly Finding[]): string {
  const cases = Object.keys(CODES).map((code) => {
    const own = findings.filter((f) => f.code === code);
    const errors = own.filter((f) => f.severity === 'fel');
    const lines = own.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message}`).join('\n');
    const body = errors.length
      ? `<failure message="${xml(`${errors.length} fel`)}" type="${xml(code)}">${xml(lines)}</failure>`
      : own.length
        ? `<system-out>${xml(lines)}</system-out>`
        : '';
    return `    <testcase classname="handlingar" name="${xml(code)}">${body}</testcase>`;
  });
  const failures = Object.keys(CODES).filter((code) =>
    findings.some((f) => f.code === code && f.severity === 'fel'),
  ).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="handlingar check" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="handlingar check" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}
