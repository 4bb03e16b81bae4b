// Authoring with the scaffolds: every «FYLL I» is an error at its line and stops the build
// until it is filled in; copies (an ärende twice on the agenda, a copied ansökan, a copied
// budget) are findings.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../engine/cli.js';
import { check } from '../engine/index.js';
import { build } from '../engine/output/build.js';
import { brief, contentFiles, edit, EXAMPLE, initedRepository, NEW_MEETING, scratchCopy } from './helpers.js';

const FILL_IN = 'FYLL I';

/** Every line of a content folder that holds the mark, as «file:line». */
function markedLines(content: string): string[] {
  return contentFiles(content).flatMap((file) =>
    readFileSync(path.join(content, file), 'utf8')
      .split('\n')
      .flatMap((line, index) => (line.includes(FILL_IN) ? [`${file}:${index + 1}`] : [])),
  );
}

/** What a handläggare types in place of each mark of the scaffolds (by the key on its line). */
const FILLED: [RegExp, string][] = [
  // An ansökan has a budget (issue 15: else it would propose «maximalt 0 kronor»).
  [/rader: \[\] *# FYLL I[^\n]*/, 'rader: [{ post: Coach, tjänst: 50 %, belopp: 300 000 }]'],
  [/ *# [^\n]*FYLL I[^\n]*/g, ''], // the marks in comments, once the line is checked
  [/^namn: FYLL I/m, 'namn: Samordningsförbundet Heby'],
  [/- \{ namn: FYLL I \}/, '- { namn: Heby kommun }'],
  [/- \{ namn: FYLL I, uppdrag: ordförande \}/, '- { namn: Anna Ledamot, uppdrag: ordförande }'],
  [/- \{ namn: FYLL I, roll: förbundschef \}/, '- { namn: Dora Chef, roll: förbundschef }'],
  [/\{ rubrik: FYLL I, text: FYLL I \}/, '{ rubrik: Ansvar, text: Insatsägaren ansvarar för insatsen. }'],
  [/^ {4}- FYLL I$/m, '    - insatsen följs upp varje halvår'],
  [/(föredragande|undertecknare|förhinder): FYLL I/g, '$1: Dora Chef'],
  [/justerare: FYLL I/, 'justerare: Anna Ledamot'],
  [/plats: FYLL I/, 'plats: Kansliet'],
  [/insatsägare: FYLL I/, 'insatsägare: Heby kommun'],
  [/parter: \[FYLL I\]/, 'parter: [Heby kommun]'],
  [/FYLL I: ([^\n]*)/g, 'Text om $1'],
  [/FYLL I/g, 'Text.'],
];

function fillIn(content: string): void {
  for (const file of contentFiles(content)) {
    const absolute = path.join(content, file);
    let text = readFileSync(absolute, 'utf8');
    for (const [mark, value] of FILLED) text = text.replace(mark, value);
    writeFileSync(absolute, text);
  }
}

describe('a new meeting made with handlingar init and handlingar ny', () => {
  it('has a finding at every line with FYLL I, and cannot be built until each is filled in', async () => {
    const repo = await initedRepository();
    const content = path.join(repo, 'content');
    const meeting = path.join(content, NEW_MEETING);
    const marked = markedLines(content);
    expect(marked.length).toBeGreaterThanOrEqual(30);

    const placeholders = check(meeting)
      .findings.filter((f) => f.code === 'schema.fyll-i')
      .map((f) => `${path.relative(content, f.file).split(path.sep).join('/')}:${f.line}`);
    expect(placeholders.sort()).toEqual(marked.sort());

    const out = mkdtempSync(path.join(tmpdir(), 'handlingar-out-'));
    const stopped = build(meeting, { outDir: out });
    expect(stopped.stopped).toBe('innehållet kan inte läsas');
    expect(stopped.written).toEqual([]);

    fillIn(content);
    expect(markedLines(content)).toEqual([]);
    expect(brief(check(meeting).findings.filter((f) => f.severity === 'fel'))).toEqual([]);
    expect(build(meeting, { outDir: out }).written.length).toBeGreaterThan(0);

    // One mark left, even in a comment, stops the build again.
    const mote = path.join(meeting, 'mote.yaml');
    writeFileSync(mote, readFileSync(mote, 'utf8').replace('plats: Kansliet', 'plats: Kansliet   # FYLL I rummet'));
    const again = build(meeting, { outDir: out });
    expect(again.stopped).toBe('innehållet kan inte läsas');
    const [finding] = again.check.findings.filter((f) => f.code === 'schema.fyll-i');
    expect(finding).toMatchObject({ line: 6, message: expect.stringContaining('«plats»') });
  });
});

describe('a new file name', () => {
  it('that slugs to nothing is refused, and nothing is written', async () => {
    const repo = await initedRepository();
    const meeting = path.join(repo, 'content', NEW_MEETING);
    const before = contentFiles(meeting).map((file) => [file, readFileSync(path.join(meeting, file), 'utf8')]);
    const errors: string[] = [];
    const io = { out: () => undefined, err: (text: string) => errors.push(text) };
    expect(await run(['ny', 'ärende', meeting, '???'], io)).toBe(2);
    expect(await run(['ny', 'ansökan', meeting, '– –'], io)).toBe(2);
    expect(errors).toEqual([
      'handlingar: «???» ger inget filnamn; skriv en rubrik eller ett namn med bokstäver eller siffror',
      'handlingar: «– –» ger inget filnamn; skriv en rubrik eller ett namn med bokstäver eller siffror',
    ]);
    const after = contentFiles(meeting).map((file) => [file, readFileSync(path.join(meeting, file), 'utf8')]);
    expect(after).toEqual(before);
  });
});

describe('copies', () => {
  const MEETING = 'moten/2024-09-12';
  const findingsOf = (root: string, codes: string[]) =>
    brief(check(path.join(root, MEETING)).findings.filter((f) => codes.includes(f.code)));
  const CODES = ['dagordning.dubblett', 'ansökan.dubblett', 'ansökan.kopierad-budget'];

  it('finds none in the example meeting', () => {
    expect(findingsOf(EXAMPLE, CODES)).toEqual([]);
  });

  it('an ärende twice on the agenda', () => {
    const root = scratchCopy(EXAMPLE);
    edit(
      root,
      `${MEETING}/mote.yaml`,
      '  - { ärende: vaxtkraft }\n',
      '  - { ärende: vaxtkraft }\n  - { ärende: vaxtkraft }\n',
    );
    expect(findingsOf(root, CODES)).toEqual(['dagordning.dubblett mote.yaml:20']);
  });

  it('a copied ansökan whose insats was not renamed', () => {
    const root = scratchCopy(EXAMPLE);
    const dir = path.join(root, MEETING, 'ansokningar');
    copyFileSync(path.join(dir, 'vaxtkraft.yaml'), path.join(dir, 'vaxtkraft-2.yaml'));
    expect(findingsOf(root, CODES)).toEqual(['ansökan.dubblett vaxtkraft-2.yaml:4']);
  });

  it('a copied ansökan whose insats was renamed but whose budget was not rewritten', () => {
    const root = scratchCopy(EXAMPLE);
    const dir = path.join(root, MEETING, 'ansokningar');
    copyFileSync(path.join(dir, 'vaxtkraft.yaml'), path.join(dir, 'vaxtkraft-2.yaml'));
    edit(root, `${MEETING}/ansokningar/vaxtkraft-2.yaml`, 'insats: Växtkraft – Enköping', 'insats: Växtkraft – Heby');
    const budgetLine = readFileSync(path.join(dir, 'vaxtkraft-2.yaml'), 'utf8').split('\n').indexOf('budget:') + 1;
    expect(findingsOf(root, CODES)).toEqual([`ansökan.kopierad-budget vaxtkraft-2.yaml:${budgetLine}`]);
  });

  it('two ansökningar for the same insats, whatever the case and spacing', () => {
    const root = scratchCopy(EXAMPLE);
    edit(root, `${MEETING}/ansokningar/framsteget.yaml`, /^insats: .*$/m, 'insats: växtkraft –  Enköping');
    expect(findingsOf(root, CODES)).toEqual(['ansökan.dubblett vaxtkraft.yaml:4']);
  });
});
