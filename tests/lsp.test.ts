// The editor as a handläggare meets it: the real yaml-language-server (the server VS Code's
// YAML extension runs), driven over LSP and configured from .vscode/settings.json as VS Code
// configures it. It must show nothing on valid content, flag every wrong edit in Swedish where
// `check` flags it, and complete and describe keys in Swedish.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../engine/index.js';
import { edit, EXAMPLE, initedRepository, NEW_MEETING as MEETING_NEW, scratchCopy, contentFiles } from './helpers.js';
import { YamlLanguageClient, type Diagnostic } from './lsp-client.js';

const MEETING = 'moten/2024-09-12';
const A = `${MEETING}/ansokningar/vaxtkraft.yaml`;

/** The 1-based line on which `needle` starts in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const ENGLISH =
  /Incorrect type|Expected|Missing property|is not allowed|Value is|does not match|String is|Array has|Matches/;

/** An edit of one file: [what, file, from, to, the message the editor must show]. */
type Edit = [name: string, file: string, from: string, to: string, message: string];

// Wrong edits that both the editor and `check` flag, on the line of the edit.
const WRONG: Edit[] = [
  ['amount 8.260 (YAML reads 8,26)', A, 'belopp: 900 000', 'belopp: 8.260', 'Ogiltigt belopp'],
  ['amount 8.260.000', A, 'belopp: 900 000', 'belopp: 8.260.000', 'Ogiltigt belopp'],
  ['amount 8,260,000', A, 'belopp: 900 000', 'belopp: "8,260,000"', 'Ogiltigt belopp'],
  ['amount 8 260 000 kr', A, 'belopp: 900 000', 'belopp: 8 260 000 kr', 'Ogiltigt belopp'],
  ['amount .inf', A, 'belopp: 900 000', 'belopp: .inf', 'Ogiltigt belopp'],
  ['amount with a decimal point', A, 'belopp: 900 000', 'belopp: 900000.50', 'Ogiltigt belopp'],
  ['negative amount', A, 'belopp: 900 000', 'belopp: -900 000', 'får inte vara negativt'],
  ['amount with three decimals', A, 'belopp: 900 000', 'belopp: "900 000,125"', 'Ogiltigt belopp'],
  [
    'date 31/12/2028',
    A,
    'ung, tjänst: 50 %, från: 2025-01-01',
    'ung, tjänst: 50 %, från: 31/12/2028',
    'Ogiltigt datum',
  ],
  ['date 2028-02-30', A, 'sista_intag: 2027-06-30', 'sista_intag: 2028-02-30', 'Ogiltigt datum'],
  ['date 2025-06-31', A, 'sista_intag: 2027-06-30', 'sista_intag: 2025-06-31', 'Ogiltigt datum'],
  ['percentage in words', A, 'ung, tjänst: 50 %', 'ung, tjänst: femtio', 'Ogiltig procentsats'],
  ['year key år1', A, 'per_år: { 2025: 300 000', 'per_år: { år1: 300 000', 'ska vara ett årtal'],
  ['year key 25', A, 'per_år: { 2025: 300 000', 'per_år: { 25: 300 000', 'ska vara ett årtal'],
  ['wrong enum value', A, 'typ: individinsats', 'typ: individ', 'ska vara ett av: individinsats, strukturinsats'],
  [
    'a text where a list is expected',
    A,
    'samverkansparter: [Arbetsförmedlingen, Försäkringskassan, Region Uppsala]',
    'samverkansparter: Försäkringskassan',
    'ska vara en lista',
  ],
  ['unknown key', A, 'sista_intag: 2027-06-30', 'sista_intagg: 2027-06-30', 'Okänd nyckel'],
  ['missing required key', A, 'period: { från: 2025-01-01, till: 2027-12-31 }\n', '', '«period» saknas'],
  ['clock time 9.00', `${MEETING}/mote.yaml`, 'tid: { från: "09.00"', 'tid: { från: 9.00', 'klockslaget som TT.MM'],
  ['meeting date 2024-09-31', `${MEETING}/mote.yaml`, 'datum: 2024-09-12', 'datum: 2024-09-31', 'Ogiltigt datum'],
  [
    'anslag date 2024-09-31',
    `${MEETING}/protokoll.yaml`,
    'uppsatt: 2024-09-27',
    'uppsatt: 2024-09-31',
    'Ogiltigt datum',
  ],
  [
    'unknown key in a paragraf',
    `${MEETING}/protokoll.yaml`,
    '    omedelbar_justering: true',
    '    omedelbar_justerin: true',
    'Okänd nyckel',
  ],
  [
    'ansökan not a file name',
    `${MEETING}/arenden/vaxtkraft.yaml`,
    'ansökan: vaxtkraft',
    'ansökan: Växtkraft',
    'filnamnet',
  ],
  ['too many years of age', A, 'ålder: { från: 16, till: 67 }', 'ålder: { från: 16, till: 167 }', 'till 120'],
  [
    'no budget party',
    A,
    'parter: [Enköpings kommun, Arbetsförmedlingen, Försäkringskassan, Region Uppsala]',
    'parter: []',
    'minst 1 post',
  ],
  [
    'empty rubrik',
    `${MEETING}/arenden/vaxtkraft.yaml`,
    'rubrik: Ansökan *Växtkraft* – Enköping',
    'rubrik: ""',
    'inte är tom',
  ],
];

// Edits that are valid: neither the editor nor `check` says anything about them.
const VALID: Edit[] = [
  ['percentage with a no-break space (pasted from Word)', A, 'ung, tjänst: 50 %', 'ung, tjänst: 50\u00a0%', ''],
  ['percentage without a space', A, 'ung, tjänst: 50 %', 'ung, tjänst: 50%', ''],
  ['amount with öre as Swedish text', A, 'belopp: 900 000', 'belopp: "900 000,00"', ''],
  ['amount with no-break spaces', A, 'belopp: 900 000', 'belopp: 900\u00a0000', ''],
  ['quoted year key', A, 'per_år: { 2025: 300 000', 'per_år: { "2025": 300 000', ''],
  ['leap day', A, 'sista_intag: 2027-06-30', 'sista_intag: 2028-02-29', ''],
];

// Forms the editor cannot see: YAML has already read them as the whole numbers 300, 1 000 000,
// 0 and 900 000 when the schema is applied. `check` reads the text as typed and flags them.
const CHECK_ONLY: Edit[] = [
  ['amount 300.000 (YAML reads 300)', A, 'belopp: 900 000', 'belopp: 300.000', ''],
  ['amount 1e6', A, 'belopp: 900 000', 'belopp: 1e6', ''],
  ['amount -0', A, 'belopp: 900 000', 'belopp: -0', ''],
  ['amount 900000.00 (YAML reads 900 000)', A, 'belopp: 900 000', 'belopp: 900000.00', ''],
];

/** The schema findings `check` reports for the example content after one edit. */
function checkAfter([, file, from, to]: Edit) {
  const root = scratchCopy(EXAMPLE);
  edit(root, file, from, to);
  const absolute = path.join(root, file);
  return check(path.join(root, MEETING))
    .findings.filter((f) => f.code.startsWith('schema.') && path.resolve(f.file) === absolute)
    .map((f) => f.line);
}

describe('the real YAML language server on the example content', () => {
  let client: YamlLanguageClient;
  beforeAll(async () => {
    client = await YamlLanguageClient.start(path.resolve('.'));
  });
  afterAll(() => client?.stop());

  const diagnoseEdit = ([, file, from, to]: Edit): Promise<[Diagnostic[], string]> => {
    const text = readFileSync(path.join(EXAMPLE, file), 'utf8');
    expect(text.split(from)).toHaveLength(2);
    const changed = text.replace(from, to);
    return client.diagnose(path.join(EXAMPLE, file), changed).then((d) => [d, changed]);
  };

  it('shows no diagnostic on any content file of the example', async () => {
    const files = contentFiles(EXAMPLE);
    // The förbund, ekonomi, beslut, the meeting with its protokoll, and the uppföljning reports.
    expect(files).toHaveLength(51);
    const shown: string[] = [];
    for (const file of files) {
      for (const d of await client.diagnose(path.join(EXAMPLE, file)))
        shown.push(`${file}:${d.range.start.line + 1}: ${d.message}`);
    }
    expect(shown).toEqual([]);
  });

  it('takes the schemas from .vscode/settings.json, which it asks for as from VS Code', async () => {
    expect(client.configurationRequests).toContain('yaml');
    // Without its modeline, a file is still checked: the settings associate it with its schema.
    const file = path.join(EXAMPLE, A);
    const text = readFileSync(file, 'utf8')
      .replace(/^# yaml-language-server:.*\n/, '')
      .replace('typ: individinsats', 'typ: individ');
    const messages = (await client.diagnose(file, text)).map((d) => d.message);
    expect(messages.join('\n')).toContain('ska vara ett av: individinsats, strukturinsats');
  });

  it.each(WRONG)('flags %s in Swedish on its line, where check flags it too', async (...wrong) => {
    const [, , from, to, message] = wrong;
    const [diagnostics, changed] = await diagnoseEdit(wrong);
    const line = to ? lineOf(changed, to) : undefined;
    const messages = diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);
    expect(messages.some((m) => m.includes(message) && (!line || m.startsWith(`${line}: `)))).toBe(true);
    expect(messages.filter((m) => ENGLISH.test(m))).toEqual([]);
    const checked = checkAfter(wrong);
    expect(checked.length).toBeGreaterThan(0);
    if (line && from.split('\n').length === 1) expect(checked).toContain(line);
  });

  it.each(VALID)('accepts %s, as check does', async (...valid) => {
    const [diagnostics] = await diagnoseEdit(valid);
    expect(diagnostics.map((d) => d.message)).toEqual([]);
    expect(checkAfter(valid)).toEqual([]);
  });

  it.each(CHECK_ONLY)('cannot see %s; check flags it', async (...form) => {
    const [diagnostics] = await diagnoseEdit(form);
    expect(diagnostics).toEqual([]);
    expect(checkAfter(form).length).toBeGreaterThan(0);
  });

  it('completes keys with their Swedish descriptions', async () => {
    const file = path.join(EXAMPLE, A);
    const text = readFileSync(file, 'utf8').replace('sista_intag: 2027-06-30', 'sis');
    await client.diagnose(file, text);
    const items = await client.completion(file, lineOf(text, '\nsis\n'), 3);
    const item = items.find((candidate) => candidate.label === 'sista_intag');
    expect(JSON.stringify(item?.documentation)).toContain('Sista dag');

    const arende = path.join(EXAMPLE, MEETING, 'arenden/vaxtkraft.yaml');
    const arendeText = readFileSync(arende, 'utf8').replace(
      'föredragande: Annika Sandberg\n',
      'föredragande: Annika Sandberg\nju\n',
    );
    await client.diagnose(arende, arendeText);
    const labels = await client.completion(arende, lineOf(arendeText, '\nju\n'), 2);
    const justeringar = labels.find((candidate) => candidate.label === 'justeringar');
    expect(JSON.stringify(justeringar?.documentation)).toMatch(/[Jj]ustering/);
  });

  it('describes a key in Swedish when the cursor rests on it', async () => {
    const file = path.join(EXAMPLE, A);
    const text = readFileSync(file, 'utf8');
    await client.diagnose(file, text);
    expect(await client.hover(file, lineOf(text, 'insats:') - 1, 2)).toContain('Insatsens namn');
    const perYear = lineOf(text, 'per_år: { 2025: 300 000') - 1;
    const column = text.split('\n')[perYear]!.indexOf('per_år') + 2;
    expect(await client.hover(file, perYear, column)).toContain('kalenderår');
  });
});

describe("the real YAML language server in a förbund's repository made by handlingar init", () => {
  let repo: string;
  let client: YamlLanguageClient;
  beforeAll(async () => {
    repo = await initedRepository();
    client = await YamlLanguageClient.start(repo);
  });
  afterAll(() => client?.stop());

  it('shows no diagnostic on forbund.yaml and the scaffolded meeting', async () => {
    const content = path.join(repo, 'content');
    const files = contentFiles(content);
    expect(files).toEqual([
      'forbund.yaml',
      `${MEETING_NEW}/ansokningar/steg-for-steg-heby.yaml`,
      `${MEETING_NEW}/arenden/steg-for-steg-heby.yaml`,
      `${MEETING_NEW}/arenden/verksamhetsplan-2026.yaml`,
      `${MEETING_NEW}/mote.yaml`,
    ]);
    const shown: string[] = [];
    for (const file of files) {
      for (const d of await client.diagnose(path.join(content, file)))
        shown.push(`${file}:${d.range.start.line + 1}: ${d.message}`);
    }
    expect(shown).toEqual([]);
  });

  it('points every modeline at the installed package', () => {
    const content = path.join(repo, 'content');
    for (const file of contentFiles(content)) {
      const first = readFileSync(path.join(content, file), 'utf8').split('\n')[0]!;
      const target = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(target).toMatch(/^(\.\.\/)+node_modules\/handlingar\/schemas\/json\/\w+\.schema\.json$/);
      expect(() => readFileSync(path.resolve(path.dirname(path.join(content, file)), target!))).not.toThrow();
    }
  });

  it('flags wrong edits in Swedish, in a scaffolded file and in forbund.yaml', async () => {
    const mote = path.join(repo, 'content', MEETING_NEW, 'mote.yaml');
    const moteText = readFileSync(mote, 'utf8').replace('datum: 2025-02-13', 'datum: 2025-02-30');
    const moteMessages = (await client.diagnose(mote, moteText)).map((d) => d.message);
    expect(moteMessages.join('\n')).toContain('Ogiltigt datum');

    // forbund.yaml without its modeline: the settings init wrote associate it with its schema.
    const forbund = path.join(repo, 'content', 'forbund.yaml');
    const forbundText = readFileSync(forbund, 'utf8')
      .replace(/^# yaml-language-server:.*\n/, '')
      .replace('roll: förbundschef', 'rolll: förbundschef');
    const forbundMessages = (await client.diagnose(forbund, forbundText)).map((d) => d.message);
    // Roles are open text (any förbund's own titles), but a misspelt key is still flagged.
    expect(forbundMessages.join('\n')).toContain(
      'Okänd nyckel i «kansli». Tillåtna nycklar: namn, roll, telefon, e_post.',
    );
    expect([...moteMessages, ...forbundMessages].filter((m) => ENGLISH.test(m))).toEqual([]);
  });
});
