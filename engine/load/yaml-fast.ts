// A fast reader for the plain block-YAML that content files are written in.
//
// The YAML library builds a full document (tokens, nodes, ranges) before we walk it into plain
// data; for the small, regular files of an archive that is most of the time `check` takes. This
// module reads the common subset directly, line by line, and returns exactly what the slow path
// in yaml.ts returns for it: the same data, the same value and key positions. Whenever a file
// holds anything outside the subset, or anything that would make the slow path report a finding,
// it answers `undefined` ("not sure") and the slow path reads the file as before. Being unsure
// is always allowed; being wrong never is (tests/yaml-fast.test.ts compares the two paths).
//
// The subset:
// - comment lines and blank lines; a ` #` comment after a value;
// - block mappings with plain, 'single' or "double" quoted keys on one line;
// - block sequences, nested, with compact mappings (`- key: value`) and compact sequences (`- - x`),
//   and a sequence at the same indentation as its key (`key:` then `- x`);
// - plain scalars on one line, resolved as the YAML 1.2 core schema (null, bool, int, float);
// - quoted scalars on one line ("…" without backslash escapes, '…' with '');
// - block scalars `|`, `|-`, `>`, `>-` without an indentation indicator;
// - flow collections of plain and quoted scalars and of each other: [a, "b", 2024] and
//   { från: 16, till: 67 }. The budgets of the ansökningar write their rows as flow mappings over
//   two or three lines, so a flow collection may continue on lines indented more than the line it
//   opens on, with comment lines after a comma; every scalar and every `key: value` of it must
//   still stand on one line;
// - empty values (null).
// Everything else — tabs, CR, anchors, aliases, tags, directives, document markers, complex keys,
// multi-line plain or quoted scalars, blank lines inside flow collections, duplicate keys, deep
// nesting — is "not sure".

export interface Position {
  line: number;
  column: number;
}

export interface FastYaml {
  data: unknown;
  values: Map<string, Position>;
  keys: Map<string, Position>;
}

/**
 * A YAML number as the schema should see it. A whole number that a double holds exactly stays a
 * number. Everything else is kept as the text typed, so that the schema can say what is wrong
 * with it instead of silently reading it: 1e6, 0x10, .inf, -0, 300.000 (not three hundred),
 * 8.26 and 300.00 (a decimal point is ambiguous in Swedish; percentages read it from the text)
 * — and whole numbers with more than 15 digits, which a double would round.
 */
export function plainNumber(raw: string, value: number): number | string {
  if (!/^-?\d+$/.test(raw) || /^-0+$/.test(raw) || raw.replace('-', '').length > 15) return raw;
  return value;
}

/** Thrown inside the reader when the file is outside the subset; never escapes parseYamlFast. */
class NotSure extends Error {}
const NOT_SURE = new NotSure('outside the fast YAML subset');
const notSure = (): never => {
  throw NOT_SURE;
};

// The YAML 1.2 core schema, tested in the order the YAML library tests its tags.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** First characters of every plain scalar that may resolve to something other than a string. */
const MAYBE_NOT_STRING = /^[~nNtTfF0-9+\-.]/;

/** A one-line plain scalar as the core schema reads it (the text is already trimmed). */
export function resolvePlain(text: string): null | boolean | number | string {
  if (!MAYBE_NOT_STRING.test(text)) return text;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT_OCT.test(text)) return parseInt(text.slice(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

/** A plain scalar as yaml.ts's toData turns it into data. */
function plainData(text: string): unknown {
  const value = resolvePlain(text);
  if (typeof value === 'number') return plainNumber(text, value);
  return typeof value === 'string' ? value.normalize('NFC') : value;
}

/** Characters that cannot start a plain scalar (or that start something else). */
const NOT_PLAIN_START = new Set([...',[]{}#&*!|>\'"%@`?:']);

/**
 * Characters the fast path does not read at all: tabs and CR (indentation and line-ending
 * problems the slow path reports), control characters, the Unicode line and paragraph
 * separators, a byte-order mark inside the text, non-characters and lone surrogates.
 */
function hasUnsureCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20) {
      if (code !== 0x0a) return true;
    } else if (code >= 0x7f && code <= 0x9f) return true;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      index++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
    else if (code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff) return true;
  }
  return false;
}

/** After a one-line scalar: nothing, spaces, or spaces and a comment. */
function checkLineEnd(line: string, from: number): void {
  let index = from;
  while (line.charCodeAt(index) === 32) index++;
  if (index === line.length) return;
  if (line[index] === '#' && index > from) return;
  notSure();
}

/** A quoted scalar on one line starting at `start`: its text and the index after the closing quote. */
function readQuoted(line: string, start: number): { text: string; end: number } {
  const quote = line[start];
  if (quote === '"') {
    const close = line.indexOf('"', start + 1);
    if (close < 0) return notSure(); // continues on the next line, or is never closed
    const text = line.slice(start + 1, close);
    // Escapes (\n, \u00e5, \<newline> …) are left to the YAML library.
    if (text.includes('\\')) notSure();
    return { text, end: close + 1 };
  }
  let text = '';
  let index = start + 1;
  for (;;) {
    const close = line.indexOf("'", index);
    if (close < 0) return notSure();
    text += line.slice(index, close);
    if (line[close + 1] === "'") {
      text += "'";
      index = close + 2;
    } else return { text, end: close + 1 };
  }
}

interface Key {
  /** The key as data: resolved, String()-ed and NFC-normalized, as yaml.ts's toData does it. */
  name: string;
  /** Index just after the colon. */
  afterColon: number;
}

/**
 * The mapping key at `start` of the line, or undefined when the text there is not a key (a
 * scalar). A key that the fast path does not read with certainty is "not sure".
 */
function readKey(line: string, start: number): Key | undefined {
  const first = line[start];
  // `[a, b]` and `{ a: 1 }` are values (a flow collection as a key is not in the subset; the
  // scalar reader bails on the colon after it).
  if (first === '[' || first === '{') return undefined;
  if (first === '"' || first === "'") {
    const { text, end } = readQuoted(line, start);
    if (line[end] !== ':') return undefined;
    if (end + 1 < line.length && line[end + 1] !== ' ') notSure();
    return { name: text.normalize('NFC'), afterColon: end + 1 };
  }
  // A plain key ends at the first colon followed by a space or the end of the line;
  // a ` #` before that starts a comment, and then this is no key.
  let colon = -1;
  for (let index = start; index < line.length; index++) {
    const char = line[index];
    if (char === ':' && (index + 1 === line.length || line[index + 1] === ' ')) {
      colon = index;
      break;
    }
    if (char === '#' && line[index - 1] === ' ') return undefined;
  }
  if (colon < 0) return undefined;
  const text = line.slice(start, colon);
  // Only ordinary words: no indicator first, no flow characters or quotes inside, no space before
  // the colon, nothing near the library's 1 024-character limit for a key, no merge key.
  if (first === undefined || NOT_PLAIN_START.has(first) || first === '-' || first === ' ') notSure();
  if (/[[\]{},"']/.test(text) || text.endsWith(' ') || text.length > 1000 || text === '<<') notSure();
  return { name: String(resolvePlain(text)).normalize('NFC'), afterColon: colon + 1 };
}

/** The deepest nesting of collections the fast path reads. */
const MAX_DEPTH = 100;

/** A place inside a flow collection, and the indentation its continuation lines must exceed. */
interface Cursor {
  row: number;
  index: number;
  indent: number;
}

/**
 * A path as its pathKey() text (source.ts: the steps joined by U+0000), built one step at a
 * time; null is the root's empty path, whose key is ''.
 */
type PathKey = string | null;
const childPath = (parent: PathKey, step: string | number): string =>
  parent === null ? String(step) : `${parent}\u0000${step}`;

/**
 * A key's value as an own, enumerable, writable property, as yaml.ts's toData makes it with
 * Object.defineProperty. Assignment makes the same property and is faster, except for the key
 * «__proto__», which assignment would turn into the prototype: it must stay an ordinary key.
 */
function setProperty(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

interface Parsed {
  value: unknown;
  /** The next line holding content (not blank, not only a comment), or the number of lines. */
  next: number;
}

/** Reads the file's lines; every method either reads its part exactly or calls notSure(). */
class Reader {
  readonly values = new Map<string, Position>();
  readonly keys = new Map<string, Position>();
  /** Spaces at the start of each line. */
  private readonly indents: number[];
  /** Whether a line holds content: not blank and not only a comment. */
  private readonly content: boolean[];
  /** Collections open around the current place. */
  private depth = 0;

  constructor(private readonly lines: string[]) {
    this.indents = lines.map((line) => {
      let index = 0;
      while (line.charCodeAt(index) === 32) index++;
      return index;
    });
    this.content = lines.map((line, index) => {
      const indent = this.indents[index]!;
      return indent < line.length && line[indent] !== '#';
    });
  }

  /** The whole file: one block mapping or block sequence. */
  document(): unknown {
    const first = this.nextContent(0);
    // A file of only comments has no value; rare enough to leave to the slow path.
    if (first >= this.lines.length) notSure();
    const { value, next } = this.blockOnOwnLine(first, null);
    if (next < this.lines.length) notSure(); // something after the root collection
    return value;
  }

  private nextContent(from: number): number {
    let index = from;
    while (index < this.lines.length && !this.content[index]) index++;
    return index;
  }

  /**
   * Entering a collection. The library fails on deep nesting (a few hundred levels, depending
   * on the stack); content files nest about ten levels, so anything deep is left to it.
   */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) notSure();
  }

  /** Leaving a collection, with its value. */
  private leave<T>(value: T): T {
    this.depth--;
    return value;
  }

  private setValue(path: PathKey, row: number, column: number): void {
    this.values.set(path ?? '', { line: row + 1, column: column + 1 });
  }

  private isSequenceEntry(row: number, column: number): boolean {
    const line = this.lines[row]!;
    return line[column] === '-' && (column + 1 === line.length || line[column + 1] === ' ');
  }

  /** A collection that starts a line (the root, or a value on the lines after its key or dash). */
  private blockOnOwnLine(row: number, path: PathKey): Parsed {
    const column = this.indents[row]!;
    if (this.isSequenceEntry(row, column)) return this.sequence(row, column, path);
    // A scalar alone on its line (`key:` newline `value`) is valid YAML but not in the subset.
    const key = readKey(this.lines[row]!, column) ?? notSure();
    return this.mapping(row, column, key, path);
  }

  /** A block sequence whose first dash is at (row, column); its other dashes start lines there. */
  private sequence(row: number, column: number, path: PathKey): Parsed {
    this.enter();
    this.setValue(path, row, column);
    const items: unknown[] = [];
    let current = row;
    for (;;) {
      const line = this.lines[current]!;
      let start = column + 1;
      while (line.charCodeAt(start) === 32) start++;
      const itemPath = childPath(path, items.length);
      let item: Parsed;
      if (start === line.length || line[start] === '#') {
        // `-` alone: the item is on the next lines, more indented, or empty (null).
        const next = this.nextContent(current + 1);
        if (next < this.lines.length && this.indents[next]! > column) item = this.blockOnOwnLine(next, itemPath);
        else {
          // The library places an empty value just after the dash and its spaces.
          this.setValue(itemPath, current, start);
          item = { value: null, next };
        }
      } else if (this.isSequenceEntry(current, start)) item = this.sequence(current, start, itemPath);
      else {
        const key = readKey(line, start);
        item = key ? this.mapping(current, start, key, itemPath) : this.scalar(current, start, column, itemPath);
      }
      items.push(item.value);
      const next = item.next;
      if (next >= this.lines.length || this.indents[next]! < column) return this.leave({ value: items, next });
      if (this.indents[next]! > column) notSure();
      // A key at the dashes' indentation ends a sequence that is the value of the key above it.
      if (!this.isSequenceEntry(next, column)) return this.leave({ value: items, next });
      current = next;
    }
  }

  /** A block mapping whose first key (already read) is at (row, column). */
  private mapping(row: number, column: number, firstKey: Key, path: PathKey): Parsed {
    this.enter();
    this.setValue(path, row, column);
    const object: Record<string, unknown> = {};
    let current = row;
    let key = firstKey;
    for (;;) {
      // The same key twice (also as 2025 and "2025", or in two Unicode forms) is a finding.
      if (Object.hasOwn(object, key.name)) notSure();
      const keyPath = childPath(path, key.name);
      this.keys.set(keyPath, { line: current + 1, column: column + 1 });
      const entry = this.mappingValue(current, key.afterColon, column, keyPath);
      setProperty(object, key.name, entry.value);
      const next = entry.next;
      if (next >= this.lines.length || this.indents[next]! < column) return this.leave({ value: object, next });
      if (this.indents[next]! > column) notSure();
      current = next;
      key = readKey(this.lines[current]!, column) ?? notSure();
    }
  }

  /** The value after a key's colon, on the same line or on the lines below. */
  private mappingValue(row: number, afterColon: number, column: number, path: PathKey): Parsed {
    const line = this.lines[row]!;
    let start = afterColon;
    while (line.charCodeAt(start) === 32) start++;
    if (start < line.length && line[start] !== '#') {
      // `key: - x` and `key: a: b` are errors; the scalar reader bails on both.
      return this.scalar(row, start, column, path);
    }
    const next = this.nextContent(row + 1);
    if (next < this.lines.length) {
      if (this.indents[next]! > column) return this.blockOnOwnLine(next, path);
      // A sequence may sit at its key's own indentation.
      if (this.indents[next] === column && this.isSequenceEntry(next, column)) return this.sequence(next, column, path);
    }
    // Empty: null, placed (as the library does) just after the colon and its spaces.
    this.setValue(path, row, start);
    return { value: null, next };
  }

  /**
   * A scalar or a flow collection starting at (row, start), inside a block collection whose
   * entries are at `indent`: no line after it may be indented more (that would continue it).
   */
  private scalar(row: number, start: number, indent: number, path: PathKey): Parsed {
    const line = this.lines[row]!;
    const first = line[start]!;
    this.setValue(path, row, start);
    let value: unknown;
    let end = row + 1;
    if (first === '|' || first === '>') {
      const block = this.blockScalar(row, start, indent);
      value = block.text.normalize('NFC');
      end = block.end;
    } else if (first === '"' || first === "'") {
      const quoted = readQuoted(line, start);
      checkLineEnd(line, quoted.end);
      value = quoted.text.normalize('NFC');
    } else if (first === '[' || first === '{') {
      const flow = this.flowCollection(row, start, indent, path);
      value = flow.value;
      end = flow.row + 1;
    } else value = plainData(readPlain(line, start));
    const next = this.nextContent(end);
    if (next < this.lines.length && this.indents[next]! > indent) notSure();
    return { value, next };
  }

  /**
   * A flow collection — `[a, "b", 2024]` or `{ från: 16, till: 67 }`, nested, possibly over
   * several lines — whose bracket is at (row, start), as a value of a block collection whose
   * entries are at `indent`. Returns the value and the line where the collection closes.
   */
  private flowCollection(row: number, start: number, indent: number, path: PathKey): { value: unknown; row: number } {
    // Continuation lines must be indented more than the line the collection opens on.
    const cursor: Cursor = { row, index: start, indent: Math.max(indent, this.indents[row]!) };
    const value = this.lines[row]![start] === '[' ? this.flowSequence(cursor, path) : this.flowMapping(cursor, path);
    checkLineEnd(this.lines[cursor.row]!, cursor.index);
    return { value, row: cursor.row };
  }

  /**
   * Moves the cursor over spaces and line breaks inside a flow collection. Comments are read
   * only where an entry starts (after the opening bracket or a comma), as content files write
   * them; a comment between a value and its comma is left to the library.
   */
  private flowSkip(cursor: Cursor, commentAllowed: boolean): void {
    for (;;) {
      const line = this.lines[cursor.row]!;
      const from = cursor.index;
      cursor.index = skipSpaces(line, from);
      if (cursor.index < line.length) {
        if (line[cursor.index] !== '#') return;
        if (!commentAllowed || line[cursor.index - 1] !== ' ') notSure();
      }
      // The next line, which must be indented more than the line the collection opens on (a
      // comment line too); a blank line, or the end of the file, is left to the library.
      cursor.row++;
      if (cursor.row >= this.lines.length || this.indents[cursor.row]! <= cursor.indent) notSure();
      const next = this.lines[cursor.row]!;
      if (this.indents[cursor.row] === next.length) notSure();
      cursor.index = this.indents[cursor.row]!;
    }
  }

  /** After an entry of a flow collection: its closing bracket (true) or a comma and the next entry. */
  private flowNext(cursor: Cursor, closer: ']' | '}'): boolean {
    this.flowSkip(cursor, false);
    const char = this.lines[cursor.row]![cursor.index];
    if (char === closer) {
      cursor.index++;
      return true;
    }
    if (char !== ',') notSure();
    cursor.index++;
    this.flowSkip(cursor, true);
    const after = this.lines[cursor.row]![cursor.index];
    if (after === closer || after === ',') notSure(); // [a, ] or [a,,b]
    return false;
  }

  /** A value inside a flow collection at the cursor; the cursor moves past it. */
  private flowValue(cursor: Cursor, path: PathKey, closer: ']' | '}'): unknown {
    const line = this.lines[cursor.row]!;
    this.setValue(path, cursor.row, cursor.index);
    const first = line[cursor.index];
    if (first === '[') return this.flowSequence(cursor, path);
    if (first === '{') return this.flowMapping(cursor, path);
    if (first === '"' || first === "'") {
      const quoted = readQuoted(line, cursor.index);
      cursor.index = quoted.end;
      return quoted.text.normalize('NFC');
    }
    const plain = readFlowPlain(line, cursor.index, closer);
    cursor.index = plain.end;
    return plainData(plain.text);
  }

  /** `[ … ]` with the cursor at its bracket. */
  private flowSequence(cursor: Cursor, path: PathKey): unknown[] {
    this.enter();
    const items: unknown[] = [];
    cursor.index++;
    this.flowSkip(cursor, true);
    if (this.lines[cursor.row]![cursor.index] === ']') {
      cursor.index++;
      return this.leave(items);
    }
    do items.push(this.flowValue(cursor, childPath(path, items.length), ']'));
    while (!this.flowNext(cursor, ']'));
    return this.leave(items);
  }

  /** `{ … }` with the cursor at its brace. */
  private flowMapping(cursor: Cursor, path: PathKey): Record<string, unknown> {
    this.enter();
    const object: Record<string, unknown> = {};
    cursor.index++;
    this.flowSkip(cursor, true);
    if (this.lines[cursor.row]![cursor.index] === '}') {
      cursor.index++;
      return this.leave(object);
    }
    do {
      const line = this.lines[cursor.row]!;
      const key = readFlowKey(line, cursor.index);
      if (Object.hasOwn(object, key.name)) notSure(); // a duplicate key is a finding
      const keyPath = childPath(path, key.name);
      this.keys.set(keyPath, { line: cursor.row + 1, column: cursor.index + 1 });
      // The value starts on the key's line: `{ a: }`, `{ a }` and `{ a:` newline `1 }` are left to the library.
      cursor.index = skipSpaces(line, key.afterColon);
      if (cursor.index === line.length) notSure();
      const value = this.flowValue(cursor, keyPath, '}');
      setProperty(object, key.name, value);
    } while (!this.flowNext(cursor, '}'));
    return this.leave(object);
  }

  /**
   * `|`, `|-`, `>` or `>-` at (row, start), for a value of a collection whose entries are at
   * `indent`: its text, and the index of the first line after it.
   */
  private blockScalar(row: number, start: number, indent: number): { text: string; end: number } {
    const line = this.lines[row]!;
    // Keep (+) and indentation indicators are not in the subset.
    const header = /^([|>])(-?)(?: *$| +#)/.exec(line.slice(start));
    if (!header) return notSure();
    const folded = header[1] === '>';
    const strip = header[2] === '-';

    // The content's indentation is that of its first non-blank line.
    let first = row + 1;
    let leadingBlank = 0;
    while (first < this.lines.length && this.indents[first] === this.lines[first]!.length) {
      leadingBlank = Math.max(leadingBlank, this.lines[first]!.length);
      first++;
    }
    if (first >= this.lines.length) notSure(); // empty block scalar at the end of the file
    const contentIndent = this.indents[first]!;
    if (contentIndent <= indent) notSure(); // empty block scalar
    // Leading blank lines with more spaces than the text are an error in the library.
    if (leadingBlank > contentIndent) notSure();
    if (folded && first > row + 1) notSure(); // leading empty lines of a folded scalar

    const body: string[] = [];
    let end = row + 1;
    for (; end < this.lines.length; end++) {
      const text = this.lines[end]!;
      if (this.indents[end] === text.length) {
        // A blank line with more spaces than the indentation would keep those spaces as text.
        if (text.length > contentIndent) notSure();
        body.push('');
        continue;
      }
      if (this.indents[end]! < contentIndent) break;
      body.push(text.slice(contentIndent));
    }
    while (body.length > 0 && body[body.length - 1] === '') body.pop();

    let text: string;
    if (!folded) text = body.join('\n');
    else {
      // Folding: lines next to each other are joined by a space, n empty lines become n line
      // breaks. More-indented lines are not folded; they are not in the subset.
      text = '';
      let empty = 0;
      for (const part of body) {
        if (part === '') {
          empty++;
          continue;
        }
        if (part.startsWith(' ')) notSure();
        text += text === '' && empty === 0 ? part : (empty > 0 ? '\n'.repeat(empty) : ' ') + part;
        empty = 0;
      }
    }
    return { text: strip ? text : text + '\n', end };
  }
}

/**
 * Without trailing spaces. Not String.trimEnd(): YAML trims only spaces (and tabs, which the
 * fast path never sees), while a no-break space or an em space is part of the value.
 */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(0, end);
}

function skipSpaces(line: string, from: number): number {
  let index = from;
  while (line.charCodeAt(index) === 32) index++;
  return index;
}

/**
 * A plain scalar inside [ … ] or { … }: it ends at a comma or the closing bracket. Anything that
 * could make it a pair, a nested collection or a comment is left to the library.
 */
function readFlowPlain(line: string, start: number, closer: ']' | '}'): { text: string; end: number } {
  const first = line[start];
  if (first === undefined || NOT_PLAIN_START.has(first)) notSure(); // also [a, ] and [a,,b]
  if (first === '-' && (line[start + 1] === ' ' || line[start + 1] === ',' || line[start + 1] === closer)) notSure();
  let end = start;
  while (end < line.length && line[end] !== ',' && line[end] !== closer) {
    // A colon inside a word («1:e vice ordförande») is text; before a space, a comma, a bracket
    // or the end of the line it would make a pair.
    if (line[end] === ':' && !/^:[^\s,[\]{}]/.test(line.slice(end, end + 2))) notSure();
    if (FLOW_UNSURE.has(line[end]!)) notSure();
    end++;
  }
  // A plain scalar that reaches the end of the line may continue on the next one.
  if (end === line.length) notSure();
  return { text: trimSpaces(line.slice(start, end)), end };
}
const FLOW_UNSURE = new Set([...'[]{}#"\'']);

/** A key inside { … }: plain or quoted, then a colon and a space. */
function readFlowKey(line: string, start: number): Key {
  const first = line[start];
  let text: string;
  let end: number;
  if (first === '"' || first === "'") {
    ({ text, end } = readQuoted(line, start));
    text = text.normalize('NFC');
  } else {
    if (first === undefined || NOT_PLAIN_START.has(first) || first === '-') notSure();
    end = start;
    while (end < line.length && line[end] !== ':') {
      if (FLOW_UNSURE.has(line[end]!) || line[end] === ',') notSure();
      end++;
    }
    text = line.slice(start, end);
    if (text.endsWith(' ') || text.length > 1000 || text === '<<') notSure();
    text = String(resolvePlain(text)).normalize('NFC');
  }
  // Only `key: value`: `"key":value`, `{ key }` and `{ key: }` are left to the library.
  if (line[end] !== ':' || line[end + 1] !== ' ') notSure();
  return { name: text, afterColon: end + 1 };
}

/** A plain scalar on one line starting at `start`, trimmed, without its comment. */
function readPlain(line: string, start: number): string {
  const first = line[start]!;
  if (NOT_PLAIN_START.has(first)) notSure(); // {flow map}, &anchor, *alias, !tag, %, @, `, ? and :
  if (first === '-' && (start + 1 === line.length || line[start + 1] === ' ')) notSure(); // `key: - x`
  const comment = line.indexOf(' #', start);
  const text = trimSpaces(line.slice(start, comment < 0 ? line.length : comment));
  // `key: a: b` (a nested mapping on one line) is an error.
  if (text.includes(': ') || text.endsWith(':')) notSure();
  return text;
}

/**
 * Reads a YAML text (already decoded, without a byte-order mark) in the fast subset. Returns the
 * data and positions exactly as the slow path in yaml.ts would, or undefined when not sure.
 * Pure: no side effects, nothing kept between calls.
 */
export function parseYamlFast(text: string): FastYaml | undefined {
  if (hasUnsureCharacter(text)) return undefined;
  // Directives (%YAML) and document markers (--- and ...) belong to the library.
  if (/^(?:---|\.\.\.|%)/m.test(text)) return undefined;
  const reader = new Reader(text.split('\n'));
  try {
    const data = reader.document();
    return { data, values: reader.values, keys: reader.keys };
  } catch (error) {
    if (error === NOT_SURE) return undefined;
    throw error;
  }
}
