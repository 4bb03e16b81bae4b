// Scaffolding and CI output, as authors and reviewers use them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../engine/cli.js';
import { check } from '../engine/index.js';
import { EXAMPLE, scratchCopy } from './helpers.js';

async function capture(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Findings other than the ones on lines the scaffold marked «FYLL I». */
function unmarked(root: string, meeting: string) {
  return check(path.join(root, meeting)).findings.filter((f) => {
    if (!f.file.includes(meeting)) return false;
    const line = readFileSync(f.file, 'utf8').split('\n')[f.line - 1] ?? '';
    return !line.includes('FYLL I');
  });
}

describe('handlingar ny', () => {
  it('möte, ärende and ansökan create files that pass check apart from the marked fields', async () => {
    const root = scratchCopy(EXAMPLE);
    const meeting = 'moten/2025-02-13';
    expect((await capture(['ny', 'möte', '2025-02-13', '--innehåll', root])).code).toBe(0);
    expect((await capture(['ny', 'ärende', path.join(root, meeting), 'Verksamhetsplan 2026'])).code).toBe(0);
    expect((await capture(['ny', 'ansökan', path.join(root, meeting), 'Steg för steg – Heby'])).code).toBe(0);
    expect(unmarked(root, meeting)).toEqual([]);
    const mote = readFileSync(path.join(root, meeting, 'mote.yaml'), 'utf8');
    expect(mote).toMatch(
      /- \{ ärende: verksamhetsplan-2026 \}\n {2}- \{ ärende: steg-for-steg-heby \}\n {2}- \{ rubrik: Övriga frågor \}/,
    );
    for (const file of ['mote.yaml', 'arenden/verksamhetsplan-2026.yaml', 'ansokningar/steg-for-steg-heby.yaml']) {
      // The modeline resolves from wherever the file is: here to this package's schemas.
      const absolute = path.join(root, meeting, file);
      const target = /^# yaml-language-server: \$schema=(\S+)\n/.exec(readFileSync(absolute, 'utf8'))?.[1];
      expect(target).toMatch(/schemas\/json\/\w+\.schema\.json$/);
      expect(path.resolve(path.dirname(absolute), target!)).toBe(
        path.resolve('schemas/json', `${target!.split('/').at(-1)}`),
      );
    }
  });

  it('never overwrites an existing file', async () => {
    const root = scratchCopy(EXAMPLE);
    const before = readFileSync(path.join(root, 'moten/2024-09-12/arenden/vaxtkraft.yaml'), 'utf8');
    const { code, err } = await capture(['ny', 'ansökan', path.join(root, 'moten/2024-09-12'), 'Växtkraft']);
    expect(code).toBe(2);
    expect(err).toContain('finns redan och skrivs inte över');
    expect(readFileSync(path.join(root, 'moten/2024-09-12/arenden/vaxtkraft.yaml'), 'utf8')).toBe(before);
    expect((await capture(['ny', 'möte', '2024-09-12', '--innehåll', root])).code).toBe(2);
    expect((await capture(['ny', 'möte', '2025-02-30', '--innehåll', root])).err).toContain('är inget datum');
  });
});

describe('CI formats on the example meeting', () => {
  it('github: one annotation per finding, at its file, line and column', async () => {
    const { code, out } = await capture(['check', 'content/moten/2024-09-12', '--format', 'github']);
    expect(code).toBe(1);
    const lines = out.split('\n');
    const findings = check('content/moten/2024-09-12').findings;
    expect(lines).toHaveLength(findings.length);
    expect(lines[0]).toBe(
      '::error file=content/ekonomi.yaml,line=29,col=48,title=handlingar ekonomi.summa::Samverkansinsatser Prel 2028 står som 1 000 tkr, men beviljade och övriga insatser summerar till 0 tkr.',
    );
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(
      findings.filter((f) => f.severity === 'varning').length,
    );
    expect(lines.every((l) => /^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=handlingar [^:]+::/.test(l))).toBe(
      true,
    );
  });

  it('junit: one test case per check code, failing with its findings', async () => {
    const { out } = await capture(['check', 'content/moten/2024-09-12', '--format', 'junit']);
    expect(out).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="handlingar check" tests="\d+" failures="7">/,
    );
    expect(out).toContain(
      '<testcase classname="handlingar" name="budget.avstämning"><failure message="4 fel" type="budget.avstämning">',
    );
    expect(out).toContain('<testcase classname="handlingar" name="datum.start-före-möte"><system-out>');
    expect(out).toContain('<testcase classname="handlingar" name="yaml.syntax"></testcase>');
  });
});
