// `build --watch` must never go stale: saves by writing, by renaming a temporary file over the
// file (sed -i and many editors), by deleting and creating it, and new files in new folders
// are all seen, again and again.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../engine/output/build.js';
import { watchBuild } from '../engine/output/watch.js';
import { EXAMPLE, scratchCopy } from './helpers.js';

interface Build {
  rendered: string[];
  changed: string[];
  findings: string[];
  stopped?: string;
}

/** A watch on a scratch copy of the example meeting, and a way to wait for a build. */
function startWatch() {
  const root = scratchCopy(EXAMPLE);
  const out = mkdtempSync(path.join(tmpdir(), 'handlingar-watch-'));
  const controller = new AbortController();
  const builds: Build[] = [];
  let waiting: { after: number; test: (b: Build) => boolean; resolve: (b: Build) => void } | undefined;
  const done = watchBuild(path.join(root, 'moten/2024-09-12'), {
    outDir: out,
    signal: controller.signal,
    onError: (error) => {
      throw error;
    },
    onBuild: (result: BuildResult, _ms, changed) => {
      const build: Build = {
        rendered: result.rendered.map((f) => path.basename(f)),
        changed,
        findings: result.check.findings.map((f) => f.code),
        stopped: result.stopped,
      };
      builds.push(build);
      if (waiting && builds.length > waiting.after && waiting.test(build)) {
        waiting.resolve(build);
        waiting = undefined;
      }
    },
  });
  /** The first build after the current one that passes the test. */
  const next = (test: (b: Build) => boolean = () => true) =>
    new Promise<Build>((resolve) => (waiting = { after: builds.length, test, resolve }));
  const stop = async () => {
    controller.abort();
    await done;
  };
  return { root, builds, next, stop };
}

const ARENDE = 'moten/2024-09-12/arenden/vaxtkraft.yaml';
const DOCUMENT = '05-tjansteskrivelse-vaxtkraft.docx';
let current: ReturnType<typeof startWatch> | undefined;
afterEach(async () => {
  await current?.stop();
  current = undefined;
});

/** The ärende text with its follow-up sentence changed to `words`. */
const withFollowUp = (root: string, words: string) =>
  readFileSync(path.join(root, ARENDE), 'utf8').replace(/Uppföljning sker [^.]*\./, `Uppföljning sker ${words}.`);

describe('build --watch', () => {
  it('rebuilds only the changed document after a plain save, and shows what changed', async () => {
    current = startWatch();
    const { root, builds, next } = current;
    // The kallelse packet's 38 documents and the protokoll's 16.
    expect(builds[0]!.rendered).toHaveLength(38 + 16);
    expect(builds[0]!.changed).toEqual([]);
    const rebuilt = next();
    writeFileSync(path.join(root, ARENDE), withFollowUp(root, 'varje kvartal'));
    const build = await rebuilt;
    expect(build.rendered).toEqual([DOCUMENT]);
    expect(build.changed).toEqual([ARENDE]);
    expect(build.findings).toEqual(builds[0]!.findings);
  });

  it('keeps seeing a file after a save by rename, as sed -i and many editors save', async () => {
    current = startWatch();
    const { root, next } = current;
    for (const words of ['varje kvartal', 'varje månad', 'varje vecka']) {
      const rebuilt = next((b) => b.rendered.includes(DOCUMENT));
      const temporary = path.join(root, 'moten/2024-09-12/arenden/sedX1a2b3');
      writeFileSync(temporary, withFollowUp(root, words));
      renameSync(temporary, path.join(root, ARENDE));
      const build = await rebuilt;
      expect(build.rendered).toEqual([DOCUMENT]);
      expect(build.changed).toEqual([ARENDE]);
    }
    // And a plain save after the renames is still seen.
    const rebuilt = next((b) => b.rendered.includes(DOCUMENT));
    writeFileSync(path.join(root, ARENDE), withFollowUp(root, 'varje dag'));
    expect((await rebuilt).rendered).toEqual([DOCUMENT]);
  });

  it('sees a save by delete and create, twice', async () => {
    current = startWatch();
    const { root, next } = current;
    for (const words of ['varje kvartal', 'varje månad']) {
      const rebuilt = next((b) => b.rendered.includes(DOCUMENT));
      const text = withFollowUp(root, words);
      unlinkSync(path.join(root, ARENDE));
      writeFileSync(path.join(root, ARENDE), text);
      expect((await rebuilt).rendered).toEqual([DOCUMENT]);
    }
  });

  it('sees new files and new folders, and files in the new folders', async () => {
    current = startWatch();
    const { root, next } = current;
    let rebuilt = next();
    writeFileSync(
      path.join(root, 'moten/2024-09-12/arenden/ny.yaml'),
      'rubrik: Nytt ärende\nföredragande: Annika Sandberg\nundertecknare: Annika Sandberg\n',
    );
    let build = await rebuilt;
    expect(build.changed).toEqual(['moten/2024-09-12/arenden/ny.yaml']);
    expect(build.findings).toContain('ref.oanvänd');

    rebuilt = next();
    mkdirSync(path.join(root, 'moten/2024-09-12/bilagor/2024'), { recursive: true });
    build = await rebuilt;
    expect(build.changed).toEqual(['moten/2024-09-12/bilagor']);

    rebuilt = next();
    writeFileSync(path.join(root, 'moten/2024-09-12/bilagor/2024/plan.pdf'), '%PDF-1.4\n');
    build = await rebuilt;
    expect(build.changed).toEqual(['moten/2024-09-12/bilagor/2024/plan.pdf']);
  });
});

describe('handlingar build --watch, the command', () => {
  it('says which files changed and which documents were rebuilt, and ends on Ctrl+C', async () => {
    const root = scratchCopy(EXAMPLE);
    const out = mkdtempSync(path.join(tmpdir(), 'handlingar-watch-'));
    const child = spawn(process.execPath, [
      'bin/handlingar.js',
      'build',
      path.join(root, 'moten/2024-09-12'),
      '--watch',
      '--out',
      out,
    ]);
    let output = '';
    const waiting: (() => void)[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      waiting.forEach((look) => look());
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    // Not a time limit on the command: a way to see its output if the test times out.
    const waitFor = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const giveUp = setTimeout(
          () => reject(new Error(`«${text}» not seen; output:\n${output}\nerrors:\n${errors}`)),
          100_000,
        );
        const look = () => {
          if (!output.includes(text)) return;
          clearTimeout(giveUp);
          resolve();
        };
        waiting.push(look);
        look();
      });
    try {
      await waitFor('alla 54 dokument byggda');
      writeFileSync(path.join(root, ARENDE), withFollowUp(root, 'varje kvartal'));
      await waitFor(`1 av 54 dokument byggda om: ${DOCUMENT}`);
      expect(output).toContain(`ändrat: ${path.join('moten/2024-09-12/arenden/vaxtkraft.yaml')}`);
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await exit).toBe(0);
    } finally {
      child.kill();
    }
  }, 240_000);
});
