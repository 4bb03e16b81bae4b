// The fast YAML reader (engine/load/yaml-fast.ts) against the YAML library: whenever the fast
// reader gives an answer, it must be exactly the library's answer (data, value positions, key
// positions) for a text the library reads without a finding. Checked over every YAML file in the
// repository, over thousands of seeded mutations of them, and over hand-written cases.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlFast, resolvePlain } from '../engine/load/yaml-fast.js';
import { parseYamlText, parseYamlWithLibrary } from '../engine/load/yaml.js';

/** Every *.yaml and *.yml file in the repository, outside node_modules, dist and .git. */
function yamlFiles(directory = '.'): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.git'].includes(entry.name)) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) files.push(full);
  }
  return files.sort();
}

/** The file's text as yaml.ts hands it on: UTF-8, without a byte-order mark; undefined if unusable. */
function readYaml(file: string): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    return text.trim() === '' ? undefined : text.replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** Equal data: the same types and prototypes, numbers by Object.is (-0, NaN), keys in the same order. */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.length !== keysB.length || keysA.some((key, index) => key !== keysB[index])) return false;
  return keysA.every((key) => {
    const left = Object.getOwnPropertyDescriptor(a, key)!;
    const right = Object.getOwnPropertyDescriptor(b, key)!;
    return (
      left.enumerable === right.enumerable &&
      left.writable === right.writable &&
      left.configurable === right.configurable &&
      left.get === undefined &&
      right.get === undefined &&
      sameData(left.value, right.value)
    );
  });
}

type Positions = ReadonlyMap<string, { line: number; column: number }>;

/** The same entries in the same order. */
function samePositions(a: Positions, b: Positions): boolean {
  const left = [...a];
  const right = [...b];
  return (
    left.length === right.length &&
    left.every(([key, { line, column }], index) => {
      const [otherKey, other] = right[index]!;
      return key === otherKey && line === other.line && column === other.column;
    })
  );
}

const show = (positions: Positions) =>
  JSON.stringify([...positions].map(([key, { line, column }]) => `${key.replaceAll('\u0000', '/')}@${line}:${column}`));

/**
 * 'bailed' when the fast reader is not sure, 'same' when its answer is the library's, otherwise
 * a description of the difference.
 */
function compare(text: string): string {
  const fast = parseYamlFast(text);
  if (fast === undefined) return 'bailed';
  const slow = parseYamlWithLibrary(text, 'x.yaml');
  if (slow.findings.length > 0)
    return `the fast reader read a text the library reports: ${slow.findings.map((f) => f.code).join(', ')}`;
  if (!sameData(fast.data, slow.data))
    return `data differs:\n fast ${JSON.stringify(fast.data)}\n slow ${JSON.stringify(slow.data)}`;
  if (!samePositions(fast.values, slow.source.values))
    return `values differ:\n fast ${show(fast.values)}\n slow ${show(slow.source.values)}`;
  if (!samePositions(fast.keys, slow.source.keys))
    return `keys differ:\n fast ${show(fast.keys)}\n slow ${show(slow.source.keys)}`;
  return 'same';
}

const FILES = yamlFiles();
const TEXTS = FILES.map((file) => ({ file, text: readYaml(file) })).filter(
  (entry): entry is { file: string; text: string } => entry.text !== undefined,
);

describe('the fast YAML reader on the repository’s files', () => {
  it('finds the files', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(FILES.some((file) => file.startsWith('content/moten/'))).toBe(true);
  });

  it('gives the library’s answer for every file it reads', () => {
    const differences = TEXTS.map(({ file, text }) => ({ file, result: compare(text) })).filter(
      ({ result }) => result !== 'same' && result !== 'bailed',
    );
    expect(differences).toEqual([]);
  });

  it('reads every valid file under content/ (otherwise there is no speed-up)', () => {
    const bailed = TEXTS.filter(
      ({ file, text }) =>
        file.startsWith('content/') &&
        parseYamlWithLibrary(text, file).findings.length === 0 &&
        parseYamlFast(text) === undefined,
    ).map(({ file }) => file);
    if (bailed.length > 0) console.log('the fast YAML reader is not sure of:', bailed);
    expect(bailed).toEqual([]);
  });

  it('leaves every file with a finding to the library', () => {
    const withFindings = TEXTS.filter(({ text }) => parseYamlWithLibrary(text, 'x').findings.length > 0);
    expect(withFindings.length).toBeGreaterThan(0);
    for (const { text } of withFindings) expect(parseYamlFast(text)).toBeUndefined();
  });

  it('is wired into parseYamlText with the same result as the library', () => {
    for (const { file, text } of TEXTS.filter(({ file }) => file.startsWith('content/moten/'))) {
      const wired = parseYamlText(text, file);
      const slow = parseYamlWithLibrary(text, file);
      expect(wired.findings).toEqual(slow.findings);
      expect(sameData(wired.data, slow.data)).toBe(true);
      expect(wired.source.lines).toEqual(slow.source.lines);
      expect(wired.source.file).toBe(slow.source.file);
      expect(samePositions(wired.source.values, slow.source.values)).toBe(true);
      expect(samePositions(wired.source.keys, slow.source.keys)).toBe(true);
    }
  });
});

/** A small seeded random number generator (mulberry32), so that every run tests the same variants. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text inserted at a random place of a line. */
// prettier-ignore
const INSERTS = [
  ': ', ':', '#', ' #', ' # x', '"', "'", "''", '- ', '-', '\t', ' \t', '&a ', '*a', '!tag ', '!!str ',
  '---', '...', '%YAML 1.2', '? ', '[', ']', '{', '}', ', ', ',', '|', '>', '|+', '|2', '>-', '\\',
  '\\n', '\\"', 'e\u0301', 'ö', 'o\u0308', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', '\u0085', '\u0000', '\ud800',
  '😀', '~', ' ', '  ', '@', '`', '%', '\r', '__proto__: ', '<<: ', 'a: b', '1:e', 'http://x', ' : ',
];

/** Values put after a key's colon or after a dash. */
// prettier-ignore
const VALUES = [
  'null', 'Null', 'NULL', '~', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes',
  'no', 'on', '0', '-0', '+0', '-00', '007', '0o17', '0o8', '0O17', '0x1F', '0x1f', '0X1F', '0xg', '12',
  '+12', '-12', '1_000', '123456789012345', '1234567890123456', '12345678901234567890', '1e3', '1E3',
  '1e+3', '-1.5e-3', '.5e3', '1.e3', '1e', '.5', '-.5', '1.', '1.0', '3.00', '300.000', '8.26', '-0.0',
  '.inf', '-.inf', '+.Inf', '.INF', '.Inf', 'inf', '.nan', '.NaN', '.NAN', '-.nan', 'NaN', '2 538 600',
  '80 %', '2024-09-12', '09.00', '"09.00"', "'09.00'", '"quoted"', "'it''s'", '"a \\" b"', '"\\u00e5"',
  '"a # b"', "'a # b'", '""', "''", '"x" y', "'x' # c", 'x #c', 'x#c', 'x:y', 'x: y', 'x:', '- x', '-x',
  '-', '|', '|-', '>', '>-', '|+', '>2', '[]', '{}', '[a, b, 2024]', '[a, b,]', '[ "x" , y ]', '[a',
  '{ a: 1, b: "2" }', '{ a: 1, a: 2 }', '{ a }', '{ a: }', '{ a: [1, 2], b: { c: d } }', '[1:e, a:b]',
  '{a: 1}', '{ "a": 1 }', '{ "a":1 }', '*x', '&x y', '!!str 1', '! x', '@x', '`x`', '%x', '?x', ':x',
  ',x', ']x', '}x', 'a,b', 'b]', 'g{h}', 'Ä', 'e\u0301', '__proto__', 'constructor', 'toString',
];

/** Keys put at the start of a line. */
// prettier-ignore
const KEYS = [
  '__proto__', '"__proto__"', 'constructor', '<<', '2025', '"2025"', "'2025'", 'null', '~', 'true',
  '1.0', '1', '0x1', '.inf', '-0', 'ö', 'o\u0308', '"ö"', '? a', '[a]', '{a: 1}', 'a b', 'a  ', '"a b"',
  "'a''b'", '"a\\tb"', '-a', 'a#b', 'a #b', 'a,b', 'a:b', '*a', '&a a', '!t a',
];

type Mutation = (lines: string[], pick: <T>(items: readonly T[]) => T, chance: () => number) => void;

const indentOf = (line: string) => line.length - line.trimStart().length;

const MUTATIONS: Mutation[] = [
  // Structure: lines lost, doubled, swapped, joined, split.
  (lines, pick) => void lines.splice(pick([...lines.keys()]), 1),
  (lines, pick) => {
    const index = pick([...lines.keys()]);
    lines.splice(index, 0, lines[index]!);
  },
  (lines, pick) => {
    const index = pick([...lines.keys()].slice(0, -1));
    [lines[index], lines[index + 1]] = [lines[index + 1]!, lines[index]!];
  },
  (lines, pick) => {
    const index = pick([...lines.keys()].slice(0, -1));
    lines.splice(index, 2, `${lines[index]} ${lines[index + 1]!.trimStart()}`);
  },
  (lines, pick) => {
    // A line broken at a space: a multi-line plain, quoted or flow scalar, or a stray line.
    const index = pick([...lines.keys()]);
    const line = lines[index]!;
    const spaces = [...line.matchAll(/ /g)].map((match) => match.index).filter((at) => at > indentOf(line));
    if (spaces.length === 0) return;
    const at = pick(spaces);
    const indent = ' '.repeat(Math.max(0, indentOf(line) + pick([-2, -1, 0, 1, 2, 4])));
    lines.splice(index, 1, line.slice(0, at), indent + line.slice(at + 1));
  },
  // Indentation: ±1, ±2 on one line, or on a run of lines.
  (lines, pick) => {
    const index = pick([...lines.keys()]);
    const change = pick([-2, -1, 1, 2]);
    const line = lines[index]!;
    lines[index] = change > 0 ? ' '.repeat(change) + line : line.slice(Math.min(-change, indentOf(line)));
  },
  (lines, pick) => {
    const start = pick([...lines.keys()]);
    const change = pick([-2, 2]);
    for (let index = start; index < Math.min(lines.length, start + 4); index++) {
      const line = lines[index]!;
      lines[index] = change > 0 ? ' '.repeat(change) + line : line.slice(Math.min(-change, indentOf(line)));
    }
  },
  (lines, pick) => {
    // A whole entry moved right or left with everything under it (mostly still valid YAML).
    const start = pick([...lines.keys()]);
    const indent = indentOf(lines[start]!);
    const change = pick([-2, -1, 1, 2, 4]);
    for (let index = start; index < lines.length; index++) {
      const line = lines[index]!;
      if (index > start && line.trim() !== '' && indentOf(line) <= indent) break;
      lines[index] = change > 0 ? ' '.repeat(change) + line : line.slice(Math.min(-change, indentOf(line)));
    }
  },
  (lines, pick) => {
    // Another block scalar style.
    const candidates = [...lines.keys()].filter((index) => /[|>]-?$/.test(lines[index]!));
    if (candidates.length === 0) return;
    const index = pick(candidates);
    lines[index] = lines[index]!.replace(/[|>]-?$/, pick(['|', '|-', '>', '>-', '|+', '>+', '|1', '>2-']));
  },
  // Characters inserted anywhere in a line.
  (lines, pick) => {
    const index = pick([...lines.keys()]);
    const line = lines[index]!;
    const at = pick([...Array(line.length + 1).keys()]);
    lines[index] = line.slice(0, at) + pick(INSERTS) + line.slice(at);
  },
  // A value replaced.
  (lines, pick) => {
    const candidates = [...lines.keys()].filter((index) => /^ *(?:- +)?[^#\s][^:#]*: +\S|^ *- +\S/.test(lines[index]!));
    if (candidates.length === 0) return;
    const index = pick(candidates);
    const line = lines[index]!;
    const colon = line.search(/: +\S/);
    const at = colon >= 0 ? line.indexOf(':', colon) + 2 : line.indexOf('-') + 2;
    lines[index] = line.slice(0, at) + pick(VALUES);
  },
  // A value inserted in a flow collection.
  (lines, pick) => {
    const candidates = [...lines.keys()].filter((index) => /[[{]/.test(lines[index]!));
    if (candidates.length === 0) return;
    const index = pick(candidates);
    const line = lines[index]!;
    const brackets = [...line.matchAll(/[[{,]/g)].map((match) => match.index);
    const at = pick(brackets) + 1;
    lines[index] = line.slice(0, at) + ' ' + pick(VALUES) + pick([',', '', ' ,']) + line.slice(at);
  },
  // A key replaced, by another key of the file (a duplicate) or an odd one.
  (lines, pick, chance) => {
    const candidates = [...lines.keys()].filter((index) => /^ *(?:- +)?[^#\s-][^:#]*:(?: |$)/.test(lines[index]!));
    if (candidates.length === 0) return;
    const index = pick(candidates);
    const line = lines[index]!;
    const match = /^( *(?:- +)?)([^:]*)(:[^]*)$/.exec(line);
    if (!match) return;
    const otherKeys = candidates.map((other) => /^ *(?:- +)?([^:]*):/.exec(lines[other]!)?.[1] ?? 'a');
    const key = chance() < 0.5 ? pick(otherKeys) : pick(KEYS);
    lines[index] = match[1]! + key + match[3]!;
  },
  // A blank or comment line, at some indentation.
  (lines, pick) => {
    const index = pick([...lines.keys()]);
    lines.splice(index, 0, ' '.repeat(pick([0, 1, 2, 3, 4, 6, 8, 12])) + pick(['', '# c', '#', ' ', '- ', 'x']));
  },
  // Trailing spaces, a trailing comment.
  (lines, pick) => {
    const index = pick([...lines.keys()]);
    lines[index] += pick([' ', '  ', ' # c', '#c', ' #', '\t']);
  },
  // Line ends: CRLF on one line or all of them, no final newline, text after the end.
  (lines, pick) => {
    const index = pick([...lines.keys()]);
    lines[index] += '\r';
  },
  (lines) => {
    for (let index = 0; index < lines.length; index++) lines[index] += '\r';
  },
  (lines) => {
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  },
  (lines, pick) => {
    lines.push(pick(['---', '...', '--- a', 'x', '  x', '# end', '', '\n\n']));
  },
];

/** Seeded variants of a text: one to three mutations each. */
function variants(text: string, seed: number, count: number): string[] {
  const chance = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(chance() * items.length)]!;
  const result: string[] = [];
  for (let index = 0; index < count; index++) {
    const lines = text.split('\n');
    const mutations = 1 + Math.floor(chance() * 3);
    for (let step = 0; step < mutations && lines.length > 1; step++) pick(MUTATIONS)(lines, pick, chance);
    const variant = lines.join('\n');
    if (variant.trim() !== '') result.push(variant);
  }
  return result;
}

describe('the fast YAML reader on seeded variants of the repository’s files', () => {
  it('gives the library’s answer for every variant it reads, and reads none with a finding', () => {
    const valid = TEXTS.filter(({ text }) => parseYamlWithLibrary(text, 'x').findings.length === 0);
    let read = 0;
    let total = 0;
    const differences: { file: string; variant: string; result: string }[] = [];
    valid.forEach(({ file, text }, fileIndex) => {
      for (const variant of variants(text, 20_240_912 + fileIndex, 80)) {
        total++;
        const result = compare(variant);
        if (result === 'same') read++;
        else if (result !== 'bailed' && differences.length < 5) differences.push({ file, variant, result });
      }
    });
    console.log(`the fast YAML reader read ${read} of ${total} variants; the library read the others`);
    expect(differences).toEqual([]);
    expect(total).toBeGreaterThan(3000);
    // The variants must exercise the fast reader, not only its "not sure".
    expect(read).toBeGreaterThan(total / 4);
  });
});

describe('the fast YAML reader on hand-written cases', () => {
  /** Cases the fast reader reads, each with the library's answer. */
  const READ: Record<string, string> = {
    'plain scalars':
      'a: text\nb: two words\nc: x#y\nd: x:y\ne: http://x.se/a\nf: text # comment\ng: -x\nh: b]\ni: d, e\n',
    'null forms': 'a: null\nb: Null\nc: NULL\nd: ~\ne:\nf:   \ng: # comment\nh: nULL\n',
    'bool forms': 'a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: tRUE\nh: yes\ni: on\n',
    'int forms': 'a: 0\nb: -0\nc: +0\nd: 007\ne: 0o17\nf: 0x1F\ng: 0x1f\nh: +12\ni: -12\nj: 1_000\nk: 0o8\nl: 0X1F\n',
    'long ints': 'a: 123456789012345\nb: 1234567890123456\nc: 12345678901234567890\nd: -123456789012345\n',
    'float forms':
      'a: 1e3\nb: 1E3\nc: -1.5e-3\nd: .5\ne: 1.\nf: 1.0\ng: 3.00\nh: 300.000\ni: -0.0\nj: .5e3\nk: 1.e3\nl: 1e\n',
    'inf and nan': 'a: .inf\nb: -.inf\nc: +.Inf\nd: .INF\ne: inf\nf: .nan\ng: .NaN\nh: .NAN\ni: -.nan\nj: NaN\n',
    'quoted scalars': 'a: "x"\nb: \'it\'\'s\'\nc: "a # b"\nd: \'a # b\'\ne: ""\nf: \'\'\ng: "09.00"  # c\nh: " x "\n',
    'quoted keys': '"a b": 1\n\'c\'\'d\': 2\n"2025": x\n',
    'keys resolved as the core schema reads them': '2025: a\nnull: b\n~x: c\ntrue: d\n1.0: e\n0x1F: f\n.inf: g\n0: h\n',
    'unicode, composed and decomposed': 'a: Åsa Öberg\nb: o\u0308\n"o\u0308": x\nc: 😀\n',
    '__proto__ and friends': '__proto__: 1\nconstructor: 2\ntoString: 3\nb:\n  __proto__: { __proto__: x }\n',
    'nested mappings': 'a:\n  b:\n    c: 1\n  d: 2\ne: 3\n',
    'comments everywhere': '# head\n\na: 1 # c\n# between\n  # indented\nb:\n  # before\n  c: 2\n\n# end\n',
    sequences: 'a:\n  - x\n  - 2\n  -\n  - # c\n  -   y\nb:\n- x\n- y\nc: 1\n',
    'compact sequences and mappings': '- a: 1\n  b:\n    - x\n- - x\n  - y\n-   c: 2\n    d: 3\n- e:\n  - z\n',
    'a sequence item on the next lines': '-\n  a: 1\n- # c\n  - x\n',
    'a root sequence': '- a\n- b\n',
    'a root mapping indented': '  a: 1\n  b: 2\n',
    'block scalars':
      'a: |\n  x\n   y\n\n  z\nb: |-\n  x\n\n\nc: >\n  x\n  y\n\n  z\nd: >-\n  x  \n  y\ne: | # c\n  # not a comment\n',
    'block scalars in sequences': '- |\n x\n- a: |\n   x\n  b: >-\n     y\n',
    'block scalar ends': 'a: |\n  x\n\n # c\nb: |\n  x\n  \nc: |\n    x\n  # c\nd: |\n  x',
    'leading empty lines of a literal': 'a: |\n\n  x\nb: |\n \n  x\n',
    'flow sequences': 'a: []\nb: [a, b, 2024]\nc: [ "x" , \'y\' ]  # c\nd: [1:e, a:b, .5, ~]\n',
    'flow mappings': 'a: {}\nb: { a: 1, b: "2" }\nc: { a: [1, 2], b: { c: d } }\nd: { 2025: 2 652 000, "x": y }\n',
    'multi-line flow collections':
      '- { a: 1, b: x,\n    c: [1,\n      2] }\n- [a,\n  # c\n  b]\n- { a: 1, # c\n    b: 2 }\n',
    'a file without a final newline': 'a: 1',
    'nesting 100 levels deep': `a: ${'['.repeat(50)}${'{ b: '.repeat(49)}1${' }'.repeat(49)}${']'.repeat(50)}\n`,
    'no-break and other spaces, which are text': 'a: x\u00a0\nb: [x\u2003, \u00a0y]\nc: { d: \u3000 }\n',
  };
  for (const [name, text] of Object.entries(READ))
    it(`reads ${name} as the library does`, () => {
      expect(parseYamlWithLibrary(text, 'x').findings).toEqual([]);
      expect(compare(text)).toBe('same');
    });

  /** Texts the fast reader must leave to the library, by reason. */
  const NOT_SURE: Record<string, string> = {
    'a tab in the indentation': 'a:\n\tb: 1\n',
    'a tab in a value': 'a: x\ty\n',
    CRLF: 'a: 1\r\nb: 2\r\n',
    'a lone CR': 'a: 1\rb: 2\n',
    'an anchor and an alias': 'a: &x 1\nb: *x\n',
    'a tag': 'a: !!str 1\n',
    'a directive': '%YAML 1.2\n---\na: 1\n',
    'a document start': '---\na: 1\n',
    'a document end': 'a: 1\n...\n',
    'a complex key': '? a\n: 1\n',
    'a duplicate key': 'a: 1\na: 2\n',
    'a duplicate key written differently': '2025: 1\n"2025": 2\n',
    'a duplicate key in two Unicode forms': 'ö: 1\no\u0308: 2\n',
    'a duplicate key in a flow mapping': 'a: { b: 1, b: 2 }\n',
    'a multi-line plain scalar': 'a: x\n  y\n',
    'a multi-line plain scalar after a blank line': 'a: x\n\n  y\n',
    'a multi-line quoted scalar': 'a: "x\n  y"\n',
    'a multi-line single-quoted scalar': "a: 'x\n  y'\n",
    'a plain scalar continued in a flow collection': 'a: [x\n  y]\n',
    'a blank line in a flow collection': 'a: [x,\n\n  y]\n',
    'an unclosed flow collection': 'a: [x, y\n',
    'a trailing comma': 'a: [x, ]\n',
    'a flow collection indented too little': 'a:\n  b: [x,\n  y]\n',
    'a flow mapping key without a value': 'a: { b }\n',
    'a flow mapping value on the next line': 'a: { b:\n    1 }\n',
    'a backslash in double quotes': 'a: "x\\ty"\n',
    'a keep-chomping block scalar': 'a: |+\n  x\n\nb: 1\n',
    'an indentation indicator': 'a: |2\n   x\n',
    'a more-indented line in a folded scalar': 'a: >\n  x\n   y\n',
    'leading empty lines of a folded scalar': 'a: >\n\n  x\n',
    'an empty block scalar': 'a: |\nb: 1\n',
    'a blank line with spaces in a block scalar': 'a: |\n  x\n     \n  y\n',
    'a value on its own line': 'a:\n  x\n',
    'a nested mapping on one line': 'a: b: c\n',
    'a sequence after a key on one line': 'a: - b\n',
    'a merge key': '<<: 1\n',
    'a key with a space before the colon': 'a : 1\n',
    'a bad indentation': 'a:\n  b: 1\n c: 2\n',
    'a root scalar': 'x\n',
    'a file of only comments': '# x\n',
    'a line separator': 'a: x\u2028y\n',
    'a NEL': 'a: x\u0085y\n',
    'a byte-order mark inside': 'a: \ufeffx\n',
    'a control character': 'a: x\u0007\n',
    'a lone surrogate': 'a: x\ud800\n',
    'an indicator at the start of a plain scalar': 'a: @x\n',
    'a comment without a space': 'a: "x"#c\n',
    'deep flow nesting (the library fails on it)': `insats: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    'deep block nesting (the library fails on it)': [...Array(2000).keys()].map((i) => `${' '.repeat(i)}a:`).join('\n'),
    'nesting deeper than 100 levels': `a: ${'['.repeat(101)}${']'.repeat(101)}\n`,
  };
  for (const [name, text] of Object.entries(NOT_SURE))
    it(`leaves ${name} to the library`, () => {
      expect(parseYamlFast(text)).toBeUndefined();
    });

  it('resolves plain scalars exactly as the YAML library’s core schema', () => {
    // One-line plain scalars only: no quotes, brackets or indicators first, no comment, no pair.
    const plain = (value: string) => /^[^"'[{|>&*!@`%?:,\]}-]/.test(value) && !/ #|: |:$/.test(value);
    const scalars = [...VALUES.filter(plain), '-0', '-12', '-1.5e-3', '-.inf', '-x'];
    for (const scalar of scalars) {
      const expected: unknown = parse(`x: ${scalar}\n`, { version: '1.2' }).x;
      const actual = resolvePlain(scalar);
      if (!(expected === null && actual === null) && !Object.is(actual, expected))
        expect({ scalar, actual }).toEqual({ scalar, actual: expected });
    }
  });

  it('keeps __proto__ an ordinary key', () => {
    const data = parseYamlFast('__proto__: 1\na: 2\n')!.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__', 'a']);
  });

  it('is pure: the same answer every time, in new objects', () => {
    const text = READ['compact sequences and mappings']!;
    const first = parseYamlFast(text)!;
    const second = parseYamlFast(text)!;
    expect(sameData(first.data, second.data)).toBe(true);
    expect(first.values).not.toBe(second.values);
    expect(first.data).not.toBe(second.data);
  });
});
