// `check` over a whole archive: one meeting at a time, from the cache, on worker threads. Every
// way of running it must give the same findings in the same order as a check that holds the
// whole content at once, and the cache must never give an answer the content no longer has.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, checkContent, countBySeverity, type Finding } from '../engine/index.js';
import { toJson } from '../engine/report/json.js';
import { orderMeetings } from '../engine/check/run.js';
import { edit, EXAMPLE } from './helpers.js';

const EXAMPLE_MEETING = path.join(EXAMPLE, 'moten', '2024-09-12');
/** Four meetings: three in 2024 whose protokoll number on from the example's § 38, one in 2025 from § 1. */
const DATES = ['2024-09-12', '2024-10-10', '2024-11-14', '2025-02-13'];

function archive(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'handlingar-skala-'));
  for (const name of ['forbund.yaml', 'ekonomi.yaml', 'beslut.yaml', 'uppfoljning'])
    cpSync(path.join(EXAMPLE, name), path.join(root, name), { recursive: true });
  for (const date of DATES) {
    const dir = path.join(root, 'moten', date);
    cpSync(EXAMPLE_MEETING, dir, { recursive: true });
    if (date === DATES[0]) continue;
    edit(dir, 'mote.yaml', 'datum: 2024-09-12', `datum: ${date}`);
    edit(dir, 'protokoll.yaml', /^första_paragraf: 38\n/m, '');
  }
  return root;
}

const json = (findings: readonly Finding[]) => JSON.stringify(findings);
const outsideFollowUp = (findings: readonly Finding[]) => findings.filter((f) => !f.code.startsWith('uppföljning.'));

/** The JSON report of the `check` command run as a process (compiled engine, so workers can start). */
function cli(root: string, ...options: string[]): string {
  const result = spawnSync(process.execPath, ['bin/handlingar.js', 'check', root, '--format', 'json', ...options], {
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  return result.stdout.trimEnd();
}

describe('check of an archive', () => {
  let root: string;
  let fresh: Finding[];
  beforeAll(async () => {
    root = archive();
    fresh = (await checkContent(root)).findings;
  });

  it('numbers the protokoll on through the year, and anew in the next', () => {
    const tasks = orderMeetings(
      [
        { absoluteDir: 'c', head: { datum: '2025-02-13', protocol: { count: 4 } } },
        { absoluteDir: 'a', head: { datum: '2024-09-12', protocol: { typedFirst: 38, count: 17 } } },
        { absoluteDir: 'b', head: { datum: '2024-10-10', protocol: { count: 17 } } },
        { absoluteDir: 'd', head: { datum: '2025-03-13' } },
      ],
      new Set(['b']),
    );
    expect(tasks).toEqual([
      { absoluteDir: 'a', checks: false },
      { absoluteDir: 'b', checks: true, previousLast: 54 },
      { absoluteDir: 'c', checks: false },
      { absoluteDir: 'd', checks: false, previousLast: 4 },
    ]);
  });

  it('finds what a check holding every model at once finds, and the follow-up of every period', () => {
    expect(json(outsideFollowUp(fresh))).toBe(json(check(root).findings));
    expect(fresh.filter((f) => f.file.includes('uppfoljning/2024-h2')).length).toBeGreaterThan(5);
    expect(fresh.some((f) => f.code.startsWith('uppföljning.'))).toBe(true);
  });

  it('gives the same findings in the same order serial, parallel, cold and warm', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'handlingar-cache-'));
    const report = toJson(fresh, countBySeverity(fresh));
    expect(cli(root, '--no-cache', '--jobs', '1')).toBe(report);
    expect(cli(root, '--no-cache', '--jobs', '2')).toBe(report);
    expect(cli(root, '--cache', cache, '--jobs', '2')).toBe(report);
    expect(cli(root, '--cache', cache)).toBe(report);
  });

  it('never answers from the cache for content that changed', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'handlingar-cache-'));
    const copy = archive();
    let reused = 0;
    const cached = async () => {
      const result = await checkContent(copy, { cache });
      reused = result.reused;
      return result.findings;
    };
    expect(json(await cached())).toBe(json((await checkContent(copy)).findings));
    expect(reused).toBe(0);
    let before = await cached();
    expect(reused).toBe(4);
    const changes: [file: string, from: string | RegExp, to: string, reused: number][] = [
      // A text in one ärende: a figure the engine does not know. Only that meeting is checked again.
      ['moten/2024-10-10/arenden/framsteget.yaml', 'ärendet: |\n', 'ärendet: |\n  Se {{okänd_siffra}}.\n', 3],
      // The first protokoll starts at another §: every later § of the year moves, not those of 2025.
      ['moten/2024-09-12/protokoll.yaml', /^första_paragraf: 38$/m, 'första_paragraf: 30', 1],
      // The profile all meetings share: a ledamot the protokolls name is no longer on the board.
      ['forbund.yaml', 'Oskar Hallén', 'Oskar Halén', 0],
    ];
    for (const [file, from, to, expectedReuse] of changes) {
      edit(copy, file, from, to);
      const after = await cached();
      expect(reused, file).toBe(expectedReuse);
      const anew = (await checkContent(copy)).findings;
      expect(json(after), file).toBe(json(anew));
      expect(json(after), `${file} changes what check finds`).not.toBe(json(before));
      before = after;
    }
    // A new file in a meeting folder.
    cpSync(
      path.join(copy, 'moten/2024-11-14/arenden/framsteget.yaml'),
      path.join(copy, 'moten/2024-11-14/arenden/extra.yaml'),
    );
    expect(json(await cached())).toBe(json((await checkContent(copy)).findings));
    expect(reused).toBe(3);
    rmSync(copy, { recursive: true, force: true });
  });

  it('checks without the cache when it is damaged or cannot be written, and says so', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'handlingar-cache-'));
    await checkContent(root, { cache });
    for (const file of readdirJson(cache)) writeFileSync(file, '{"engine": "x", "files": {');
    expect(json((await checkContent(root, { cache })).findings)).toBe(json(fresh));
    const blocked = path.join(mkdtempSync(path.join(tmpdir(), 'handlingar-cache-')), 'fil');
    writeFileSync(blocked, '');
    const result = await checkContent(root, { cache: blocked });
    expect(result.cacheProblem).toMatch(/kunde inte användas/);
    expect(json(result.findings)).toBe(json(fresh));
    if (process.getuid?.() !== 0) {
      const readOnly = mkdtempSync(path.join(tmpdir(), 'handlingar-cache-'));
      chmodSync(readOnly, 0o500);
      const denied = await checkContent(root, { cache: readOnly });
      expect(denied.cacheProblem).toMatch(/EACCES/);
      expect(json(denied.findings)).toBe(json(fresh));
    }
  });
});

const readdirJson = (folder: string): string[] =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(folder, name));
