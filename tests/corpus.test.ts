// A corpus of bad input. Each case is a scratch copy of the minimal fixture, with the files of
// tests/corpus/<case>/ copied over it (when that folder exists) and/or a few edits. Every case
// states the findings it must give (code, file relative to the meeting folder, line), the exit
// code of `handlingar check`, and what `handlingar build` does with it: content that does not
// load stops the build with nothing written. No case may print a stack trace.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../engine/cli.js';
import { check, type Finding } from '../engine/index.js';
import {
  APPLICATION,
  ARENDE,
  attachPlan,
  edit,
  encryptedPdf,
  MINIMAL_MEETING,
  MOTE,
  scratchCopy,
  tinyPdf,
} from './helpers.js';

const CORPUS = path.resolve('tests/corpus');
const STACK_TRACE = /\bat .+:\d+:\d+/;

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `handlingar-${prefix}-`));
  created.push(dir);
  return dir;
};

/** A file outside every content folder, for symbolic links to point at. */
function outsideFile(name: string, text: string): string {
  const file = path.join(tempDir('utanfor'), name);
  writeFileSync(file, text);
  return file;
}

/** Builds a case's content: a scratch copy of the minimal fixture, the corpus folder over it, then the edits. */
function prepare(name: string, edits?: (root: string) => void): { root: string; meeting: string } {
  const root = scratchCopy();
  created.push(root);
  const overlay = path.join(CORPUS, name);
  if (existsSync(overlay)) cpSync(overlay, root, { recursive: true });
  edits?.(root);
  return { root, meeting: path.join(root, MINIMAL_MEETING) };
}

/** "code file:line", the file relative to the meeting folder (ansokningar/lyftet.yaml, mote.yaml …). */
const describeFindings = (findings: readonly Finding[], meeting: string) =>
  findings.map((f) => `${f.code} ${path.relative(meeting, path.resolve(f.file))}:${f.line}`);

async function capture(args: string[]) {
  const lines: string[] = [];
  const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
  const code = await run(args, io);
  return { code, output: lines.join('\n') };
}

function expectNoStackTrace(output: string): void {
  expect(output.split('\n').filter((line) => STACK_TRACE.test(line))).toEqual([]);
  expect(output).not.toContain('internt fel');
}

const A = 'ansokningar/lyftet.yaml';
const Ä = 'arenden/lyftet.yaml';
const M = 'mote.yaml';

interface Case {
  name: string;
  /** Edits of the scratch copy, after the files of tests/corpus/<name>/ (if any) are copied over it. */
  edits?: (root: string) => void;
  /** Findings that must be there, as "code file:line" with the file relative to the meeting folder. */
  findings: string[];
  /** True when these are all the findings of the check. */
  exact?: boolean;
  /** Text the message of the first expected finding contains. */
  message?: string | RegExp;
  /** Exit code of `handlingar check <content folder>`. */
  exit: 0 | 1 | 2;
  /** What `handlingar build <meeting> --out <tmp>` does: stop and write nothing (exit 1) or write (exit 0). */
  build: 'stops' | 'writes';
}

/** Replaces the amount of «S:a per år för avstämning» (a block scalar on its own line, line 29). */
const avstamning = (typed: string) => (root: string) =>
  edit(root, APPLICATION, 'avstämning_per_år: 400 000', `avstämning_per_år: ${typed}`);

const cases: Case[] = [
  // ------------------------------------------------------------- YAML
  {
    name: 'yaml-syntax', // tests/corpus/yaml-syntax: an unterminated quoted string in «syfte»
    findings: [`yaml.syntax ${A}:8`],
    exact: true,
    message: 'citattecken',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'tab-indent', // tests/corpus/tab-indent: a tab before an agenda item
    // One tab, one finding at its line: the YAML library's follow-on errors are not reported.
    findings: [`yaml.syntax ${M}:10`],
    exact: true,
    message: 'tabbtecken i indraget',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'duplicate-keys', // tests/corpus/duplicate-keys: two «belopp» in one budget line
    findings: [`yaml.dubblettnyckel ${A}:25`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'multiple-documents',
    edits: (root) => writeFileSync(path.join(root, MOTE), `${readFileSync(path.join(root, MOTE), 'utf8')}---\nnr: 5\n`),
    findings: [`yaml.syntax ${M}:12`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'deep-nesting', // 5 000 nested flow sequences on one line: a finding, not a crash
    edits: (root) => writeFileSync(path.join(root, APPLICATION), `insats: ${'['.repeat(5000)}${']'.repeat(5000)}\n`),
    findings: [`yaml.syntax ${A}:1`],
    exit: 1,
    build: 'stops',
  },
  {
    name: 'alias-bomb', // tests/corpus/alias-bomb: «billion laughs», 9 levels of 9 aliases
    findings: [`yaml.alias ${A}:3`, `yaml.alias ${A}:11`],
    exit: 1,
    build: 'stops',
  },
  {
    name: 'crlf-line-ends', // Windows line ends: the line numbers are the same
    edits: (root) => {
      const file = path.join(root, APPLICATION);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
      edit(root, APPLICATION, 'avstämning_per_år: 400 000', 'avstämning_per_år: 397 000');
    },
    findings: [`budget.avstämning ${A}:29`],
    exact: true,
    exit: 1,
    build: 'writes',
  },

  // ------------------------------------------------------------- files
  {
    name: 'empty-mote', // tests/corpus/empty-mote: a mote.yaml of 0 bytes
    findings: [`fil.tom ${M}:1`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'file-10-mb',
    edits: (root) => writeFileSync(path.join(root, ARENDE), `rubrik: ${'x'.repeat(10 * 1024 * 1024)}\n`),
    // The ärende is not loaded, so nothing on the agenda reaches the ansökan (a warning).
    findings: [`fil.storlek ${Ä}:1`, `ref.oanvänd ${A}:1`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'latin1', // tests/corpus/latin1: the ärende saved as ISO-8859-1
    findings: [`fil.kodning ${Ä}:1`, `ref.oanvänd ${A}:1`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'folder-named-yaml', // a folder where an ansökan file is expected
    edits: (root) => mkdirSync(path.join(root, MINIMAL_MEETING, 'ansokningar/mapp.yaml')),
    findings: [`fil.läsfel ansokningar/mapp.yaml:1`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'symlink-out', // the ansökan is a symbolic link to a file in /tmp
    edits: (root) => {
      const target = outsideFile('lyftet.yaml', readFileSync(path.join(root, APPLICATION), 'utf8'));
      rmSync(path.join(root, APPLICATION));
      symlinkSync(target, path.join(root, APPLICATION));
    },
    findings: [`fil.utanför ${A}:1`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'symlinked-folder-out', // the whole ansokningar folder is a link to a folder in /tmp
    edits: (root) => {
      const folder = path.join(root, MINIMAL_MEETING, 'ansokningar');
      const target = path.join(tempDir('utanfor'), 'ansokningar');
      renameSync(folder, target);
      symlinkSync(target, folder);
    },
    findings: [`fil.utanför ${A}:1`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-symlink-out', // a bilaga inside the meeting folder that links to a PDF in /tmp
    edits: (root) => {
      const bilagor = path.join(root, MINIMAL_MEETING, 'bilagor');
      mkdirSync(bilagor);
      symlinkSync(outsideFile('hemligt.pdf', '%PDF-1.4\n'), path.join(bilagor, 'hemligt.pdf'));
      edit(
        root,
        ARENDE,
        'undertecknare: Dora Chef',
        'undertecknare: Dora Chef\nbilagor:\n  - { rubrik: Ute, fil: bilagor/hemligt.pdf }',
      );
      edit(root, MOTE, 'bilaga 2–2.1', 'bilaga 2–2.2');
    },
    findings: [`fil.utanför ${Ä}:12`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-path-out',
    edits: (root) => {
      edit(
        root,
        ARENDE,
        'undertecknare: Dora Chef',
        'undertecknare: Dora Chef\nbilagor:\n  - { rubrik: Ute, fil: ../../../etc/passwd }\n  - { rubrik: Rot, fil: /etc/passwd }',
      );
      edit(root, MOTE, 'bilaga 2–2.1', 'bilaga 2–2.3');
    },
    findings: [`fil.utanför ${Ä}:12`, `fil.utanför ${Ä}:13`],
    exact: true,
    message: 'ligger utanför innehållsmappen',
    exit: 1,
    build: 'stops',
  },
  {
    // "../../etc/passwd" is relative to the meeting folder moten/2025-03-06, so it names
    // <content>/etc/passwd: inside the content folder, and missing. (The README's example
    // «../../hemligt.pdf» for fil.utanför is inside the content folder in the same way.)
    name: 'bilaga-path-two-up',
    edits: (root) => {
      edit(
        root,
        ARENDE,
        'undertecknare: Dora Chef',
        'undertecknare: Dora Chef\nbilagor:\n  - { rubrik: Ute, fil: ../../etc/passwd }',
      );
      edit(root, MOTE, 'bilaga 2–2.1', 'bilaga 2–2.2');
    },
    findings: [`ref.bilaga-saknas ${Ä}:12`],
    exact: true,
    exit: 1,
    build: 'stops',
  },

  // ------------------------------------------------------------- schema
  {
    name: 'wrong-type',
    edits: (root) =>
      edit(
        root,
        APPLICATION,
        'samverkansparter: [Försäkringskassan, Region Test]',
        'samverkansparter: Försäkringskassan',
      ),
    findings: [`schema.typ ${A}:5`],
    exact: true,
    message: 'en lista',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'unknown-key-near-miss',
    edits: (root) => edit(root, APPLICATION, 'belopp: 300 000, summa: 300 000', 'belopp: 300 000, sumam: 300 000'),
    findings: [`schema.okänd-nyckel ${A}:17`],
    exact: true,
    message: 'okänd nyckel «sumam» – menade du «summa»?',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'missing-required-field',
    edits: (root) => edit(root, APPLICATION, /^period: .*\n/m, ''),
    // A missing key is reported at the mapping that should hold it: here the whole file.
    findings: [`schema.saknas ${A}:1`],
    exact: true,
    message: '«period» saknas',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'missing-required-field-nested',
    edits: (root) => edit(root, APPLICATION, '{ post: Resor, belopp', '{ belopp'),
    findings: [`schema.saknas ${A}:25`],
    exact: true,
    message: '«post» saknas',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'impossible-date',
    edits: (root) => edit(root, APPLICATION, 'till: 2026-06-30 }\nsyfte', 'till: 2025-06-31 }\nsyfte'),
    findings: [`schema.datum ${A}:7`],
    exact: true,
    message: '2025-06-31 finns inte i kalendern',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'reversed-period',
    edits: (root) =>
      edit(
        root,
        APPLICATION,
        'period: { från: 2025-07-01, till: 2026-06-30 }',
        'period: { från: 2026-06-30, till: 2025-07-01 }',
      ),
    // Every year and date of the budget is then outside the period too; those findings follow.
    findings: [`datum.ordning ${A}:7`],
    message: 'perioden slutar 2025-07-01, före sin start 2026-06-30',
    exit: 1,
    build: 'writes',
  },
  {
    name: 'year-outside-period',
    edits: (root) =>
      edit(root, APPLICATION, 'per_år: { 2025: 150 000, 2026: 150 000 }', 'per_år: { 2025: 150 000, 2027: 150 000 }'),
    // The group's 2026 figure no longer matches its lines either: a second, true finding.
    findings: [`budget.år-utanför-period ${A}:18`, `budget.delsumma-per-år ${A}:22`],
    exact: true,
    message: 'året 2027 ligger utanför insatsens period',
    exit: 1,
    build: 'writes',
  },
  {
    name: 'year-key-not-a-year',
    edits: (root) =>
      edit(root, APPLICATION, 'per_år: { 2025: 150 000, 2026: 150 000 }', 'per_år: { år1: 150 000, 2026: 150 000 }'),
    findings: [`schema.år ${A}:18`],
    exact: true,
    message: '«år1»',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'year-key-two-digits',
    edits: (root) => edit(root, ARENDE, 'per_år: { 2025: 10 000 }', 'per_år: { 25: 10 000 }'),
    // The ärende is not loaded, so the ansökan is not reached from the agenda (a warning).
    findings: [`schema.år ${Ä}:8`, `ref.oanvänd ${A}:1`],
    exact: true,
    exit: 1,
    build: 'stops',
  },

  // ------------------------------------------------------------- amounts
  ...(
    [
      ['8.260.000', 'punkt som tusentalsavgränsare'],
      ['8,260,000', 'komma är decimaltecken'],
      ['8 260 000 kr', 'utan enhet'],
      ['ca 8 mkr', 'utan «ca»'],
      ['"-0"', 'ogiltigt belopp «-0»'],
      ['-0', 'ogiltigt belopp'], // a YAML number; see the it.fails case below for its message
      ['1e6', 'exponentform'], // a YAML number
      ['"1e6"', 'exponentform'],
      ['12.345', '«12.345»'], // a YAML number with three decimals: read as an ambiguous thousands point
      ['1.2345', 'högst två decimaler'],
      ['8.26', 'decimalpunkt är tvetydigt'], // a YAML number with öre after a point
      ['400000.00', 'decimalpunkt är tvetydigt'], // a whole number, but written with a point
      ['.inf', 'ogiltigt belopp «.inf»'],
      ['0x10', 'ogiltigt belopp «0x10»'],
    ] as const
  ).map(([typed, message]): Case => ({
    name: `amount ${typed}`,
    edits: avstamning(typed),
    findings: [`schema.belopp ${A}:29`],
    exact: true,
    message,
    exit: 1,
    build: 'stops',
  })),
  {
    // In a flow mapping { … } the commas of 8,260,000 separate entries (the README says to
    // quote such amounts); the stray entries «260» and «000» are unknown keys on that line.
    name: 'amount 8,260,000 in a flow mapping',
    edits: (root) => edit(root, APPLICATION, 'ansökt: 400 000', 'ansökt: 8,260,000'),
    findings: [`schema.okänd-nyckel ${A}:11`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'negative line amount',
    edits: (root) => edit(root, APPLICATION, 'post: Resor, belopp: "9 999,50"', 'post: Resor, belopp: -5'),
    findings: [`schema.belopp ${A}:25`],
    exact: true,
    message: 'negativt',
    exit: 1,
    build: 'stops',
  },

  // ------------------------------------------------------------- references and people
  {
    name: 'missing-ansokan',
    edits: (root) => edit(root, ARENDE, 'ansökan: lyftet', 'ansökan: lyft'),
    findings: [`ref.ansökan-saknas ${Ä}:3`, `ref.oanvänd ${A}:1`],
    exact: true,
    message: 'ansokningar/lyft.yaml finns inte',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'missing-arende',
    edits: (root) => edit(root, MOTE, 'ärende: lyftet', 'ärende: lyftett'),
    findings: [`ref.ärende-saknas ${M}:9`, `ref.oanvänd ${Ä}:1`, `ref.oanvänd ${A}:1`],
    exact: true,
    message: 'arenden/lyftett.yaml finns inte',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'agenda-number-twice',
    edits: (root) => edit(root, MOTE, 'nr: 3,', 'nr: 2,'),
    findings: [`dagordning.nummer ${M}:10`],
    exact: true,
    message: 'punkt nr 2 finns redan',
    exit: 1,
    build: 'writes',
  },
  {
    name: 'unknown-foredragande',
    edits: (root) => edit(root, ARENDE, 'föredragande: Erik Utvecklare', 'föredragande: Erik Utveckare'),
    findings: [`person.föredragande ${Ä}:2`],
    exact: true,
    message: 'menade du Erik Utvecklare?',
    exit: 1,
    build: 'writes',
  },
  {
    name: 'unknown-foredragande-on-agenda',
    edits: (root) => edit(root, MOTE, 'föredragande: Dora Chef', 'föredragande: Dora Chefen'),
    findings: [`person.föredragande ${M}:10`],
    exact: true,
    message: 'menade du Dora Chef?',
    exit: 1,
    build: 'writes',
  },

  // ------------------------------------------------------------- money (issue 15)
  {
    name: 'ansokan-decided-twice', // a second ärende deciding the same ansökan: its money would count twice
    edits: (root) => {
      const meeting = path.join(root, MINIMAL_MEETING);
      cpSync(path.join(meeting, Ä), path.join(meeting, 'arenden/lyftet-igen.yaml'));
      edit(
        root,
        MOTE,
        '  - { nr: 4, rubrik: Övriga frågor }',
        '  - { nr: 4, ärende: lyftet-igen }\n  - { nr: 5, rubrik: Övriga frågor }',
      );
    },
    findings: [`ansökan.flera-ärenden arenden/lyftet-igen.yaml:3`],
    message: 'ansökan lyftet beslutas redan i ärendet arenden/lyftet.yaml',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'justering-larger-than-ansokan', // would propose «maximalt −98 650 000 kronor»
    edits: (root) => {
      edit(
        root,
        ARENDE,
        'belopp: 10 000, per_år: { 2025: 10 000 }',
        'belopp: 99 000 000, per_år: { 2025: 99 000 000 }',
      );
      edit(root, ARENDE, /beslut:\n.*\n.*\n/, '');
    },
    findings: [`justering.överskrider ${Ä}:5`],
    exact: true,
    message: 'justeringarna är tillsammans 99 000 000 kr, mer än ansökans 400 000 kr',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'justering-larger-than-its-party', // Region Test asks for 50 000,50 kr
    edits: (root) => {
      edit(root, ARENDE, 'belopp: 10 000, per_år: { 2025: 10 000 }', 'belopp: 60 000, part: Region Test');
      edit(root, ARENDE, /beslut:\n.*\n.*\n/, '');
    },
    findings: [`justering.överskrider ${Ä}:5`],
    exact: true,
    message: 'justeringarna för Region Test är tillsammans 60 000 kr, mer än de 50 000,50 kr som Region Test söker',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'ansokan-without-budget-lines', // would propose «maximalt 0 kronor»
    edits: (root) => {
      const file = path.join(root, APPLICATION);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, `${text.slice(0, text.indexOf('finansiering:'))}budget:\n  parter: [Testa kommun]\n`);
      edit(root, ARENDE, /beslut:\n.*\n.*\n/, '');
      edit(root, ARENDE, /justeringar:\n.*\n/, '');
    },
    findings: [`ansökan.budget-saknas ${A}:11`],
    exact: true,
    message: 'varken budgetrader eller finansieringsplan',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'year-typo-2207', // «fram till 31 december år 2207» and a table of 185 columns
    edits: (root) => edit(root, APPLICATION, 'till: 2026-06-30 }\nsyfte', 'till: 2207-12-31 }\nsyfte'),
    findings: [`datum.horisont ${A}:7`],
    message: 'året 2207 (2207-12-31) ligger 182 år från mötet 2025-03-06, mer än 15 år',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'party-twice',
    edits: (root) =>
      edit(
        root,
        APPLICATION,
        'samverkansparter: [Försäkringskassan, Region Test]',
        'samverkansparter: [Försäkringskassan, Region Test, Testa kommun, Försäkringskassan]',
      ),
    findings: [`ansökan.part-dubblett ${A}:5`, `ansökan.part-dubblett ${A}:5`],
    exact: true,
    message: 'Testa kommun är insatsägare',
    exit: 1,
    build: 'writes',
  },
  {
    name: 'meeting-time-backwards',
    edits: (root) => edit(root, MOTE, 'tid: { från: "13.00", till: "15.00" }', 'tid: { från: "15.00", till: "13.00" }'),
    findings: [`datum.ordning ${M}:3`],
    exact: true,
    message: 'mötet slutar 13.00, före det börjar 15.00',
    exit: 1,
    build: 'writes',
  },
  {
    name: 'blank-text',
    edits: (root) => edit(root, ARENDE, 'rubrik: Ansökan *Lyftet* – Testa', 'rubrik: "   "'),
    findings: [`schema.tom-text ${Ä}:1`, `ref.oanvänd ${A}:1`],
    exact: true,
    message: 'bara av blanksteg',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'year-key-in-two-spellings', // 2025 and "2025" are the same year
    edits: (root) =>
      edit(root, APPLICATION, 'per_år: { 2025: 150 000, 2026: 150 000 }', 'per_år: { 2025: 150 000, "2025": 150 000 }'),
    findings: [`yaml.dubblettnyckel ${A}:18`],
    exact: true,
    message: 'nyckeln «2025» förekommer två gånger',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'key-composed-and-decomposed', // «förhinder» typed twice, once with a decomposed ö
    edits: (root) =>
      edit(root, MOTE, 'förhinder: Erik Utvecklare', 'förhinder: Erik Utvecklare\nfo\u0308rhinder: Dora Chef'),
    findings: [`yaml.dubblettnyckel ${M}:6`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'zero-width-space-in-key', // looked like «okänd nyckel «förhinder» – menade du «förhinder»?»
    edits: (root) => edit(root, MOTE, 'förhinder: Erik', 'förhinder\u200b: Erik'),
    findings: [`schema.okänd-nyckel ${M}:5`],
    exact: true,
    message: 'okänd nyckel «förhinder⟨U+200B⟩» – menade du «förhinder»?',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'nul-in-text', // docxtemplater's stack trace, blaming the template
    edits: (root) =>
      edit(root, ARENDE, 'ärendet: Testa kommun söker medel för *Lyftet*.', 'ärendet: "Testa kommun\\0 söker medel."'),
    findings: [`schema.tecken ${Ä}:9`, `ref.oanvänd ${A}:1`],
    exact: true,
    message: 'styrtecknet ⟨U+0000⟩',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'terminal-escape-in-key', // written raw to the terminal and into JUnit XML
    edits: (root) => edit(root, MOTE, 'plats: Kansliet', 'plats: Kansliet\n"\\e[2J\\e[31mplats": x'),
    findings: [`schema.okänd-nyckel ${M}:5`],
    exact: true,
    message: '«⟨U+001B⟩[2J⟨U+001B⟩[31mplats»',
    exit: 1,
    build: 'stops',
  },

  // ------------------------------------------------------------- bilagor (issue 15)
  {
    name: 'bilaga-pdf-no-pdf',
    edits: (root) => attachPlan(root, 'det här är ingen PDF'),
    findings: [`bilaga.skadad ${Ä}:12`],
    exact: true,
    message: 'bilagan bilagor/plan.pdf är ingen PDF',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-pdf-truncated', // «internt fel: Expected instance of PDFDict…» in build --pdf
    edits: (root) => attachPlan(root, tinyPdf().slice(0, 200)),
    findings: [`bilaga.skadad ${Ä}:12`],
    exact: true,
    message: 'är avkortad eller skadad',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-pdf-wrong-xref',
    edits: (root) => attachPlan(root, tinyPdf().replace(/startxref\n\d+/, 'startxref\n3')),
    findings: [`bilaga.skadad ${Ä}:12`],
    exact: true,
    message: 'korsreferenstabell',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-pdf-catalog-without-pages', // «internt fel: Expected instance of PDFDict…» in build --pdf
    edits: (root) => attachPlan(root, tinyPdf('plan', '<< /Type /Catalog >>')),
    findings: [`bilaga.skadad ${Ä}:12`],
    exact: true,
    message: 'katalog saknar sidträd',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-pdf-empty',
    edits: (root) => attachPlan(root, ''),
    findings: [`bilaga.tom ${Ä}:12`],
    exact: true,
    message: 'bilagan bilagor/plan.pdf är tom (0 byte)',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-docx-empty', // was copied into the packet as it was
    edits: (root) => attachFile(root, 'plan.docx', Buffer.alloc(0)),
    findings: [`bilaga.tom ${Ä}:12`],
    exact: true,
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-docx-not-a-zip',
    edits: (root) => attachFile(root, 'plan.docx', Buffer.from('PK\u0003\u0004 men inget mer')),
    findings: [`bilaga.skadad ${Ä}:12`],
    exact: true,
    message: 'är ingen giltig .docx',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-docx-password', // a protected Word file is an OLE compound file
    edits: (root) =>
      attachFile(root, 'plan.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(508)])),
    findings: [`bilaga.krypterad ${Ä}:12`],
    exact: true,
    message: 'lösenordsskyddad',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-docx-unpacks-too-large', // kept LibreOffice busy until its 10-minute limit
    edits: (root) => attachFile(root, 'plan.docx', zipOf({ 'word/document.xml': Buffer.alloc(101 * 1024 * 1024, 32) })),
    findings: [`bilaga.storlek ${Ä}:12`],
    exact: true,
    message: 'packas upp till mer än 100 MB',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'bilaga-over-2-gib', // «internt fel: ERR_FS_FILE_TOO_LARGE»; a sparse file, so cheap to make
    edits: (root) => {
      attachPlan(root, '');
      truncateSync(path.join(root, MINIMAL_MEETING, 'bilagor/plan.pdf'), 2_300_000_000);
    },
    findings: [`bilaga.storlek ${Ä}:12`],
    exact: true,
    message: 'mer än gränsen 100 MB',
    exit: 1,
    build: 'stops',
  },

  // ------------------------------------------------------------- the file system (issue 15)
  {
    name: 'named-pipe-as-bilaga',
    edits: (root) => {
      attachPlan(root, '');
      const file = path.join(root, MINIMAL_MEETING, 'bilagor/plan.pdf');
      rmSync(file);
      execFileSync('mkfifo', [file]);
    },
    findings: [`ref.bilaga-saknas ${Ä}:12`],
    exact: true,
    message: 'är ingen vanlig fil',
    exit: 1,
    build: 'stops',
  },
  {
    name: 'named-pipe-in-arenden', // made `check` hang for ever
    edits: (root) => execFileSync('mkfifo', [path.join(root, MINIMAL_MEETING, 'arenden/ror.yaml')]),
    findings: [`fil.läsfel arenden/ror.yaml:1`],
    exact: true,
    message: 'ror.yaml är ingen vanlig fil',
    exit: 1,
    build: 'stops',
  },
];

/** Adds a bilaga file bilagor/<name> to the minimal meeting, named by the ärende (line 12). */
function attachFile(root: string, name: string, bytes: Uint8Array): void {
  mkdirSync(path.join(root, MINIMAL_MEETING, 'bilagor'), { recursive: true });
  writeFileSync(path.join(root, MINIMAL_MEETING, 'bilagor', name), bytes);
  edit(
    root,
    ARENDE,
    'undertecknare: Dora Chef',
    `undertecknare: Dora Chef\nbilagor:\n  - { rubrik: Plan, fil: bilagor/${name} }`,
  );
  edit(root, MOTE, 'handling: bilaga 2–2.1', 'handling: bilaga 2–2.2');
}

/** A zip archive of the given entries, deflated (a zip bomb when an entry is large and uniform). */
function zipOf(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = deflateRawSync(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('the corpus folders', () => {
  it('every folder in tests/corpus is a case', () => {
    const names = new Set(cases.map((c) => c.name));
    expect(readdirSync(CORPUS).filter((name) => !names.has(name))).toEqual([]);
  });
});

describe.each(cases)('$name', (c) => {
  it(`check: ${c.findings.join(', ')}`, () => {
    const { root, meeting } = prepare(c.name, c.edits);
    const findings = check(root).findings;
    const found = describeFindings(findings, meeting);
    if (c.exact) expect([...found].sort()).toEqual([...c.findings].sort());
    else expect(found).toEqual(expect.arrayContaining(c.findings));
    if (c.message !== undefined) {
      const first = findings[found.indexOf(c.findings[0]!)]!;
      if (typeof c.message === 'string') expect(first.message).toContain(c.message);
      else expect(first.message).toMatch(c.message);
    }
  });

  it(`handlingar check exits ${c.exit}; build ${c.build === 'stops' ? 'writes nothing' : 'writes the packet'}`, async () => {
    const { root, meeting } = prepare(c.name, c.edits);
    const checked = await capture(['check', root]);
    expect(checked.code).toBe(c.exit);
    expectNoStackTrace(checked.output);
    const [firstCode] = c.findings[0]!.split(' ');
    expect(checked.output).toContain(`[${firstCode}]`);

    const out = path.join(tempDir('ut'), 'paket');
    const built = await capture(['build', meeting, '--out', out]);
    expectNoStackTrace(built.output);
    if (c.build === 'stops') {
      expect(built.code).toBe(1);
      expect(built.output).toContain('inget skrevs: innehållet kan inte läsas');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    } else {
      expect(built.code).toBe(0);
      expect(readdirSync(out).length).toBeGreaterThan(0);
    }
    // Nothing left behind: no staging folder beside the output, no temporary file in it.
    expect(readdirSync(path.dirname(out)).filter((name) => name !== 'paket')).toEqual([]);
    expect((existsSync(out) ? readdirSync(out) : []).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('paths that are not content', () => {
  it.each([
    ['a folder that does not exist', (dir: string) => path.join(dir, 'finns-inte')],
    ['a folder without mote.yaml or forbund.yaml', (dir: string) => dir],
  ])('%s: exit 2, one line, nothing written', async (_, target) => {
    const dir = target(tempDir('tom'));
    const checked = await capture(['check', dir]);
    expect(checked.code).toBe(2);
    expect(checked.output).toMatch(/^handlingar: /);
    expectNoStackTrace(checked.output);
    const out = path.join(tempDir('ut'), 'paket');
    const built = await capture(['build', dir, '--out', out]);
    expect(built.code).toBe(2);
    expectNoStackTrace(built.output);
    expect(existsSync(out)).toBe(false);
  });
});

// Engine bugs this corpus found, now fixed; each stays as a regression test.
describe('engine bugs found by the corpus', () => {
  it('a YAML number -0 is named as typed in the message', () => {
    const { root } = prepare('amount -0 message', avstamning('-0'));
    const finding = check(root).findings.find((f) => f.code === 'schema.belopp');
    expect(finding?.message).toContain('«-0»');
    expect(finding?.message).not.toContain('decimaler');
  });

  it('a YAML number too large for öre is said to be too large', () => {
    const { root } = prepare('amount huge', avstamning('100000000000000000000'));
    const finding = check(root).findings.find((f) => f.code === 'schema.belopp');
    expect(finding?.message).toContain('för stort');
  });

  it('a YAML number with 16 significant digits is read exactly or refused', () => {
    const { root } = prepare('amount 16 digits', (r) =>
      edit(r, APPLICATION, 'ansökt: 400 000', 'ansökt: 90071992547409.91'),
    );
    const findings = check(root).findings;
    const refused = findings.some((f) => f.code === 'schema.belopp');
    const readExactly = findings.some(
      (f) =>
        f.code === 'ansökan.finansiering' &&
        f.found !== undefined &&
        'amount' in f.found &&
        f.found.amount === 9_007_199_254_740_991,
    );
    expect(refused || readExactly).toBe(true);
  });

  it('a key __proto__ is an unknown key at its line', () => {
    const { root, meeting } = prepare('proto key', (r) =>
      edit(r, APPLICATION, 'typ: individinsats', 'typ: individinsats\n__proto__: x'),
    );
    expect(describeFindings(check(root).findings, meeting)).toEqual([`schema.okänd-nyckel ${A}:3`]);
  });
});

// ------------------------------------------------------------------ issue 15: beyond single findings
const soffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const pdfinfo = spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0;
if (!soffice || !pdfinfo)
  console.warn(
    `\n⚠ ${!soffice ? 'LibreOffice (soffice)' : 'poppler (pdfinfo)'} saknas: korpusens fall med PDF-paketet eller krypterade bilagor hoppas över. Installera: apt-get install libreoffice-writer-nogui poppler-utils\n`,
  );

/** Processes whose command line mentions `text` (a private temporary folder), from /proc. */
function processesMentioning(text: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return command.includes(text) ? [`${pid} ${command}`] : [];
      } catch {
        return [];
      }
    });
}

/** Runs bin/handlingar.js with a private temporary folder; sends `signal` once `when` is printed. */
function runInterrupted(args: string[], when: RegExp, signal: NodeJS.Signals) {
  const privateTmp = tempDir('privat-tmp');
  const child = spawn(process.execPath, ['bin/handlingar.js', ...args], {
    env: { ...process.env, TMPDIR: privateTmp },
  });
  let output = '';
  let sent = false;
  /** The processes that used the private temporary folder when the signal was sent. */
  const running: string[] = [];
  const listen = (chunk: Buffer) => {
    output += chunk.toString();
    if (!sent && when.test(output)) {
      sent = true;
      running.push(...processesMentioning(privateTmp));
      child.kill(signal);
    }
  };
  child.stdout.on('data', listen);
  child.stderr.on('data', listen);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { privateTmp, exit, output: () => output, child, running };
}

describe('interrupted commands leave nothing behind (exit 130)', () => {
  it.skipIf(!soffice)(
    'Ctrl+C during build --pdf: no LibreOffice, no profile, no intermediate PDF, no output',
    async () => {
      const { meeting } = prepare('interrupt-pdf');
      const out = path.join(tempDir('ut'), 'paket');
      // Sent when LibreOffice announces its first conversion: it is running, with its profile.
      const run = runInterrupted(['build', meeting, '--out', out, '--pdf'], / {2}pdf {2}\S+/, 'SIGINT');
      try {
        expect(await run.exit).toBe(130);
      } finally {
        run.child.kill('SIGKILL');
      }
      expect(run.running.some((command) => /soffice/.test(command))).toBe(true);
      expect(run.output()).toContain('avbrutet');
      expectNoStackTrace(run.output());
      // LibreOffice needs a moment to notice it was killed; then nothing of it remains.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(processesMentioning(run.privateTmp)).toEqual([]);
      expect(readdirSync(run.privateTmp)).toEqual([]);
      expect(readdirSync(path.dirname(out))).toEqual([]);
    },
    120_000,
  );

  it('SIGTERM during build: no temporary file, no staging folder; the output folder is whole or absent', async () => {
    const root = scratchCopy(path.resolve('content'));
    created.push(root);
    const out = path.join(tempDir('ut'), 'paket');
    const run = runInterrupted(['build', path.join(root, 'moten/2024-09-12'), '--out', out], /./, 'SIGTERM');
    const code = await run.exit;
    // A build is written in one synchronous step: the signal is handled after it (the folder
    // is then complete) or before it (nothing is written).
    expect([130, 0]).toContain(code);
    expectNoStackTrace(run.output());
    const beside = readdirSync(path.dirname(out));
    expect(beside.filter((name) => name !== 'paket')).toEqual([]);
    if (existsSync(out)) expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(run.privateTmp)).toEqual([]);
  }, 120_000);
});

describe('the output folder holds exactly the last build', () => {
  it('a rebuild after an agenda change leaves none of the old numbering', async () => {
    const { root, meeting } = prepare('rebuild');
    const out = path.join(tempDir('ut'), 'paket');
    expect((await capture(['build', meeting, '--out', out, '--html'])).code).toBe(0);
    expect(readdirSync(out)).toContain('02-tjansteskrivelse-lyftet.docx');
    edit(root, MOTE, '  - { nr: 2, ärende: lyftet', '  - { nr: 2, rubrik: Ny punkt }\n  - { nr: 3, ärende: lyftet');
    edit(root, MOTE, 'handling: bilaga 2–2.1', 'handling: bilaga 3–3.1');
    edit(root, MOTE, '{ nr: 3, rubrik: Information', '{ nr: 4, rubrik: Information');
    edit(root, MOTE, '{ nr: 4, rubrik: Övriga', '{ nr: 5, rubrik: Övriga');
    const built = await capture(['build', meeting, '--out', out]);
    expect(built.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toContain('03-tjansteskrivelse-lyftet.docx');
    expect(files.filter((name) => name.startsWith('02-') || name.endsWith('.html'))).toEqual([]);
    expect(built.output).toContain(`${files.length} dokument i ${out}`);
    expect(readdirSync(path.dirname(out))).toEqual(['paket']);
  });

  it('an output folder with files no build wrote is refused, and they are kept', async () => {
    const { meeting } = prepare('foreign-output');
    const out = tempDir('egen');
    writeFileSync(path.join(out, 'anteckningar.txt'), 'mina');
    const built = await capture(['build', meeting, '--out', out]);
    expect(built.code).toBe(2);
    expect(built.output).toContain('innehåller filer som inget bygge har skrivit (anteckningar.txt)');
    expect(readdirSync(out)).toEqual(['anteckningar.txt']);
  });

  it('--out naming a file: exit 2, a Swedish sentence, no stack trace', async () => {
    const { meeting } = prepare('out-is-file');
    const file = path.join(tempDir('ut'), 'fil.txt');
    writeFileSync(file, 'x');
    const built = await capture(['build', meeting, '--out', file]);
    expect(built.code).toBe(2);
    expect(built.output).toContain(`utdatamappen ${file} är en fil, inte en mapp`);
    expectNoStackTrace(built.output);
  });

  it('--out under a file: exit 2, no stack trace', async () => {
    const { meeting } = prepare('out-under-file');
    const file = path.join(tempDir('ut'), 'fil.txt');
    writeFileSync(file, 'x');
    const built = await capture(['build', meeting, '--out', path.join(file, 'paket')]);
    expect(built.code).toBe(2);
    expect(built.output).toMatch(/handlingar: .*(är en fil, inte en mapp|finns redan och är inte en mapp)/);
    expectNoStackTrace(built.output);
  });

  it('an output folder that cannot be written (EACCES/EPERM): exit 2, no stack trace', async () => {
    const { meeting } = prepare('out-not-writable');
    // /sys refuses new folders even for root, so this holds in a container too.
    const built = await capture(['build', meeting, '--out', '/sys/handlingar-paket']);
    expect(built.code).toBe(2);
    expect(built.output).toContain('handlingar: behörighet saknas för /sys');
    expectNoStackTrace(built.output);
  });
});

describe.skipIf(!soffice)('a bilaga that passes check but cannot be merged', () => {
  it('stops build --pdf naming the bilaga; the output folder is not touched', async () => {
    // A page tree that points at a page: only a full parse (pdf-lib, when merging) sees it.
    const { meeting } = prepare('pdf-fails-in-merge', (r) =>
      attachPlan(r, tinyPdf('plan', '<< /Type /Catalog /Pages 3 0 R >>')),
    );
    const out = path.join(tempDir('ut'), 'paket');
    const built = await capture(['build', meeting, '--out', out, '--pdf']);
    expect(built.code).toBe(1);
    expect(built.output).toMatch(/«2\.2 Projektplan» \(02\.2-bilaga-lyftet\.pdf\) kan inte fogas in i paketet/);
    expectNoStackTrace(built.output);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  }, 300_000);
});

describe('own templates with broken tags', () => {
  async function brokenKallelse(root: string): Promise<string> {
    const { default: PizZip } = await import('pizzip');
    const zip = new PizZip(readFileSync('templates/kallelse.docx'));
    const xml = zip.file('word/document.xml')!.asText();
    zip.file('word/document.xml', xml.replace('{rubrik}', '{rubrik'));
    const file = path.join(root, 'mallar', 'kallelse.docx');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
    return file;
  }

  it('an unclosed {rubrik: mallar check refuses it, naming the tag', async () => {
    const { root } = prepare('template-unclosed');
    const file = await brokenKallelse(root);
    const checked = await capture(['mallar', 'check', file]);
    expect(checked.code).toBe(1);
    expect(checked.output).toContain('taggen «{rubrik» är inte avslutad');
    expectNoStackTrace(checked.output);
  });

  it('an unclosed {rubrik: build names the template file and the tag, writes nothing', async () => {
    const { root, meeting } = prepare('template-unclosed-build');
    const file = await brokenKallelse(root);
    const out = path.join(tempDir('ut'), 'paket');
    const built = await capture(['build', meeting, '--out', out]);
    expect(built.code).toBe(1);
    expect(built.output).toContain(path.relative(process.cwd(), file));
    expect(built.output).toContain('{rubrik');
    expectNoStackTrace(built.output);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });
});

describe('text compared in one form, shown with its invisible characters', () => {
  it('a key with a decomposed «ö» (as macOS writes it) is the same key: no finding', () => {
    const { root } = prepare('nfd-key', (r) => edit(r, MOTE, 'förhinder:', 'fo\u0308rhinder:'));
    expect(check(root).findings).toEqual([]);
  });

  it('terminal escapes in a key reach no report format raw; JUnit stays well-formed XML', async () => {
    const { root } = prepare('escape-reports', (r) =>
      edit(r, MOTE, 'plats: Kansliet', 'plats: Kansliet\n"\\e[2J\\u0007\\ud800<x>&plats": x'),
    );
    for (const format of ['text', 'json', 'github', 'junit']) {
      const { code, output } = await capture(['check', root, '--format', format]);
      expect(code).toBe(1);
      // eslint-disable-next-line no-control-regex -- no control character may reach a report
      expect(output).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
      expect(output).toContain('U+001B');
      if (format === 'json') expect(() => JSON.parse(output)).not.toThrow();
      if (format === 'junit') {
        const { DOMParser } = await import('@xmldom/xmldom');
        const problems: string[] = [];
        new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(
          output,
          'text/xml',
        );
        expect(problems).toEqual([]);
        expect(output).not.toMatch(/[\uD800-\uDFFF]/);
      }
    }
  });
});

describe('the horizon of plausible years', () => {
  const until2045 = (r: string) => edit(r, APPLICATION, 'till: 2026-06-30 }\nsyfte', 'till: 2045-12-31 }\nsyfte');
  const horizonFindings = (root: string) => check(root).findings.filter((f) => f.code === 'datum.horisont');

  it('is 15 years by default: an insats until 2045 is a finding that names the year', () => {
    const { root } = prepare('horizon-default', until2045);
    expect(horizonFindings(root).map((f) => f.message)).toEqual([
      'året 2045 (2045-12-31) ligger 20 år från mötet 2025-03-06, mer än 15 år; är årtalet felskrivet?',
    ]);
  });

  it('is set in the förbund profile: kontroller.horisont_år', () => {
    const { root } = prepare('horizon-25', (r) => {
      writeFileSync(
        path.join(r, 'forbund.yaml'),
        `${readFileSync(path.join(r, 'forbund.yaml'), 'utf8')}kontroller: { horisont_år: 25 }\n`,
      );
      until2045(r);
    });
    expect(horizonFindings(root)).toEqual([]);
  });
});

describe.skipIf(!pdfinfo)('encrypted PDF bilagor', () => {
  it('one that needs a password is a finding of check at the line naming it', () => {
    const { root, meeting } = prepare('pdf-user-password', (r) => attachPlan(r, encryptedPdf('hemligt')));
    const findings = check(root).findings;
    expect(describeFindings(findings, meeting)).toEqual([`bilaga.krypterad ${Ä}:12`]);
    expect(findings[0]!.message).toContain('kräver ett lösenord');
  });

  it('one with only an owner password passes check', () => {
    const { root } = prepare('pdf-owner-password', (r) => attachPlan(r, encryptedPdf('')));
    expect(check(root).findings).toEqual([]);
  });

  it.skipIf(!soffice)(
    'one with only an owner password is merged into the packet',
    async () => {
      const { meeting } = prepare('pdf-owner-password-build', (r) => attachPlan(r, encryptedPdf('')));
      const out = path.join(tempDir('ut'), 'paket');
      const built = await capture(['build', meeting, '--out', out, '--pdf']);
      expectNoStackTrace(built.output);
      expect(built.code).toBe(0);
      const packet = path.join(out, 'handlingar-2025-03-06.pdf');
      expect(spawnSync('pdfinfo', [packet], { encoding: 'utf8' }).stdout).toMatch(/Encrypted:\s+no/);
      expect(readdirSync(path.dirname(out))).toEqual(['paket']);
    },
    300_000,
  );
});
