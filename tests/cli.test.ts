// The command as users and CI meet it: exit codes, output formats, and no stack traces.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../engine/cli.js';
import { APPLICATION, edit, MINIMAL, scratchCopy } from './helpers.js';

async function capture(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('handlingar check', () => {
  it('exits 0 on a meeting without errors and says so', async () => {
    const { code, out } = await capture(['check', MINIMAL]);
    expect(code).toBe(0);
    expect(out).toMatch(/^0 fel, 0 varningar i 1 möte \(1 ansökan, 4 ärenden\) – \d+,\d\d s$/);
  });

  it('exits 1 and shows the line, a caret, expected, found and the difference', async () => {
    const root = scratchCopy();
    edit(root, APPLICATION, 'avstämning_per_år: 400 000', 'avstämning_per_år: 397 000');
    const { code, out } = await capture(['check', root]);
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/ansokningar\/lyftet\.yaml:\d+:24: fel \[budget\.avstämning\]$/);
    expect(lines[1]).toMatch(/^ {3}\d+ \| {5}avstämning_per_år: 397 000$/);
    expect(lines[2]!.indexOf('^')).toBe(lines[1]!.indexOf('397'));
    expect(out).toContain('förväntat 400 000 kr · funnet 397 000 kr · skillnad −3 000 kr');
    expect(out).toContain('1 fel, 0 varningar');
  });

  it('prints JSON with amounts in kronor', async () => {
    const root = scratchCopy();
    edit(root, APPLICATION, 'avstämning_per_år: 400 000', 'avstämning_per_år: "397 000,50"');
    const { code, out } = await capture(['check', root, '--format', 'json']);
    expect(code).toBe(1);
    const parsed = JSON.parse(out);
    expect(parsed.summary).toEqual({ errors: 1, warnings: 0 });
    expect(parsed.findings[0]).toMatchObject({
      code: 'budget.avstämning',
      severity: 'fel',
      column: 24,
      expected: 400000,
      found: 397000.5,
    });
    expect(Object.keys(parsed.findings[0])).toEqual([
      'code',
      'severity',
      'file',
      'line',
      'column',
      'message',
      'expected',
      'found',
    ]);
  });

  it('checks every meeting of a content folder', async () => {
    const { code, out } = await capture(['check', MINIMAL]);
    expect(code).toBe(0);
    expect(out).toContain('i 1 möte');
  });

  it.each([
    [['check', 'finns/inte'], 'mappen finns/inte finns inte'],
    [['check', 'tests'], 'varken en mötesmapp'],
    [['check'], 'argumentet sökväg saknas'],
    [['check', MINIMAL, '--format', 'xml'], 'ogiltigt värde'],
    [['kontroll'], 'okänt kommando'],
    [['check', MINIMAL, '--snabb'], 'okänd flagga --snabb'],
    [['ansokningsmall'], 'flaggan --out <fil> måste anges'],
    [['schema'], 'flaggan --out <mapp> måste anges'],
    [['build', MINIMAL, '--out'], 'flaggan --out <mapp> behöver ett värde'],
    [['check', MINIMAL, MINIMAL], 'för många argument'],
    [['ny', 'ärende', `${MINIMAL}/moten/2025-03-06`, '???'], '«???» ger inget filnamn'],
  ])('exits 2 with a Swedish message when it cannot run: %j', async (args, message) => {
    const { code, err } = await capture(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    // Nothing of commander's or the YAML library's English gets through.
    expect(err).not.toMatch(/\b(error|option|required|missing|invalid|choices|allowed|not specified)\b/i);
  });

  it('has Swedish help with an example', async () => {
    const { code, out } = await capture(['check', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('Användning: handlingar check [flaggor] <sökväg>');
    expect(out).toContain('Exempel:');
  });
});

describe('the installed command', () => {
  it('runs as a process with the documented exit codes', () => {
    const ok = spawnSync(process.execPath, ['bin/handlingar.js', 'check', MINIMAL], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, ['bin/handlingar.js', 'check', 'finns/inte'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('handlingar: mappen finns/inte finns inte');
  });
  it('is what `npm start` runs on the example meeting', () => {
    const pkg = JSON.parse(execFileSync('cat', ['package.json'], { encoding: 'utf8' }));
    expect(pkg.scripts.start).toBe('node bin/handlingar.js build content/moten/2024-09-12');
  });
});
