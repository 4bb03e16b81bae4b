// npm run bench: times check and build of the example meeting and of synthetic archives, in
// one process (medians) and as whole processes, with peak memory and the cost of rendering
// against a bare docxtemplater render of the same templates and data. Not part of npm test.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { check, KALLELSE_PACKET, planProduct } from '../../engine/index.js';
import { build } from '../../engine/output/build.js';
import { renderDocx, templateData } from '../../engine/writers/docx/render.js';
import { findTemplate } from '../../engine/writers/docx/template.js';
import { syntheticArchive } from './synthetic.js';

const MEETING = 'content/moten/2024-09-12';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(3).replace('.', ',')} s`;

function timeInProcess(runs: number, task: () => void): number {
  task(); // warm-up: module loading and JIT are measured by the whole-process figures
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median wall time and peak RSS (kB) of a whole `handlingar` process. */
function timeProcess(runs: number, args: string[]): { ms: number; rssKb: number } {
  const times: number[] = [];
  let rssKb = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'bin/handlingar.js', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    times.push(performance.now() - start);
    rssKb = Math.max(rssKb, Number(result.stderr.trim().split('\n').at(-1)));
  }
  return { ms: median(times), rssKb };
}

const rows: string[][] = [];
const targets: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);
const target = (name: string, goal: string, measured: string, met: boolean) =>
  targets.push([name, goal, measured, met ? 'uppfyllt' : 'EJ uppfyllt']);

execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });

// The example meeting.
const example = check(MEETING);
const documents = planProduct(KALLELSE_PACKET, example.meetings[0]!);
const checkMs = timeInProcess(9, () => check(MEETING));
const checkProcess = timeProcess(5, ['check', MEETING]);
row(
  'check, exempelmötet',
  seconds(checkMs),
  seconds(checkProcess.ms),
  `${seconds(checkMs / 19)} per ärende`,
  `${Math.round(checkProcess.rssKb / 1024)} MB`,
);
const out = mkdtempSync(path.join(tmpdir(), 'handlingar-bench-'));
const buildMs = timeInProcess(5, () => build(MEETING, { outDir: out }));
const buildProcess = timeProcess(3, ['build', MEETING, '--out', out]);
row(
  'build, exempelmötet (38 Word-filer)',
  seconds(buildMs),
  seconds(buildProcess.ms),
  `${seconds(buildMs / documents.length)} per dokument`,
  `${Math.round(buildProcess.rssKb / 1024)} MB`,
);

// Rendering against bare docxtemplater, same templates and data.
const templates = new Map(documents.map((d) => [d.kind, findTemplate(d.kind, path.resolve('content/mallar')).bytes]));
const engineRender = timeInProcess(5, () =>
  documents.filter((d) => !d.copyFrom).forEach((d) => renderDocx(templates.get(d.kind)!, d)),
);
const bareRender = timeInProcess(5, () =>
  documents
    .filter((d) => !d.copyFrom)
    .forEach((d) => {
      const document = new Docxtemplater(new PizZip(templates.get(d.kind)!), {
        paragraphLoop: true,
        linebreaks: false,
      });
      document.render(templateData(d).data);
      document.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    }),
);
const ratio = engineRender / bareRender;
row(
  'rendering, motorn / bar docxtemplater',
  seconds(engineRender),
  seconds(bareRender),
  `kvot ${ratio.toFixed(2).replace('.', ',')}`,
  '',
);

// Synthetic archives.
const perMeeting: number[] = [];
let thousand = { ms: 0, rssKb: 0 };
for (const size of [10, 100, 1000]) {
  const archive = syntheticArchive(size);
  const inProcess = timeInProcess(size === 1000 ? 1 : 3, () => check(archive));
  const whole = timeProcess(1, ['check', archive]);
  if (size === 1000) thousand = whole;
  perMeeting.push(inProcess / size);
  row(
    `check, arkiv med ${size} möten`,
    seconds(inProcess),
    seconds(whole.ms),
    `${seconds(inProcess / size)} per möte`,
    `${Math.round(whole.rssKb / 1024)} MB`,
  );
  if (size === 100) {
    const one = path.join(archive, 'moten', '2001-01-04');
    const archiveBuild = timeInProcess(3, () => build(one, { outDir: out }));
    row(
      'build, ett möte i arkivet med 100 möten',
      seconds(archiveBuild),
      '',
      `${seconds(archiveBuild / documents.length)} per dokument`,
      '',
    );
  }
  rmSync(archive, { recursive: true, force: true });
}
rmSync(out, { recursive: true, force: true });

const spread = Math.max(...perMeeting) / Math.min(...perMeeting) - 1;
target('check av exempelmötet, hel process', '< 0,5 s', seconds(checkProcess.ms), checkProcess.ms < 500);
target('check av 1 000 möten, hel process', '< 10 s', seconds(thousand.ms), thousand.ms < 10_000);
target('build av exempelmötets Word-filer, hel process', '< 2 s', seconds(buildProcess.ms), buildProcess.ms < 2000);
target('rendering mot bar docxtemplater', '≤ 1,5×', `${ratio.toFixed(2).replace('.', ',')}×`, ratio <= 1.5);
target('tid per möte, 10 → 1 000 möten', 'inom 20 %', `${(spread * 100).toFixed(0)} % skillnad`, spread <= 0.2);

const print = (headers: string[], table: string[][]) => {
  const widths = headers.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  table.forEach((r) => console.log(line(r)));
  console.log('');
};
console.log('');
print(['fall', 'median i processen', 'hel process', 'per enhet', 'högsta RSS'], rows);
print(['mål', 'mål', 'uppmätt', ''], targets);
