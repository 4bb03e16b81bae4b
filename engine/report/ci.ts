// Findings for CI systems: GitHub Actions annotations and a JUnit report.
import { CODES, type Finding } from '../findings.js';

/** GitHub's workflow-command escaping: data and property values differ. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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
