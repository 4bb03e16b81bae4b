// Reads one YAML file into plain data and a map of source positions.
// YAML problems (syntax, tabs, duplicate keys, aliases) become findings, never exceptions.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import { findingAt, type Finding, type FindingCode } from '../findings.js';
import { pathKey, type Path, type SourceFile } from './source.js';
import { parseYamlFast, plainNumber } from './yaml-fast.js';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface ParsedYaml {
  /** undefined when the file could not be read or parsed. */
  data: unknown;
  source: SourceFile;
  findings: Finding[];
}

function fileFinding(
  file: string,
  code: FindingCode,
  message: string,
  line = 1,
  column = 1,
  excerpt?: string,
): Finding {
  return findingAt(code, { file, line, column, ...(excerpt === undefined ? {} : { excerpt }) }, message);
}

/** Reads a file as UTF-8 text, or reports why it cannot be used. */
function readText(absolutePath: string, file: string): { text?: string; finding?: Finding } {
  let bytes: Buffer;
  try {
    // Checked before reading: a named pipe or device would block the read for ever.
    const stat = statSync(absolutePath);
    if (!stat.isFile()) {
      const kind = stat.isDirectory()
        ? 'en mapp'
        : 'ingen vanlig fil (en namngiven rörledning, en enhet eller en sockel)';
      return {
        finding: fileFinding(
          file,
          'fil.läsfel',
          `${path.basename(file)} är ${kind}; ta bort den eller byt namn på den`,
        ),
      };
    }
    if (stat.size > MAX_FILE_BYTES) {
      return {
        finding: fileFinding(
          file,
          'fil.storlek',
          `filen är större än ${MAX_FILE_BYTES / 1024 / 1024} MB; en innehållsfil är aldrig så stor`,
        ),
      };
    }
    bytes = readFileSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'filen finns inte'
        : code === 'EACCES' || code === 'EPERM'
          ? 'filen kan inte läsas: behörighet saknas'
          : 'filen kan inte läsas';
    return { finding: fileFinding(file, 'fil.läsfel', reason) };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      finding: fileFinding(file, 'fil.kodning', 'filen är inte sparad som UTF-8; spara om den som UTF-8 i editorn'),
    };
  }
  if (text.trim() === '') return { finding: fileFinding(file, 'fil.tom', 'filen är tom') };
  return { text: text.replace(/^\uFEFF/, '') };
}

export function parseYamlFile(absolutePath: string, file: string): ParsedYaml {
  const emptySource: SourceFile = { file, lines: [], values: new Map(), keys: new Map() };
  const { text, finding } = readText(absolutePath, file);
  if (text === undefined) return { data: undefined, source: emptySource, findings: [finding!] };
  return parseYamlText(text, file);
}

/**
 * Reads YAML text: the fast reader for the plain subset content files are written in
 * (yaml-fast.ts), else the YAML library. Both give the same data and positions.
 */
export function parseYamlText(text: string, file: string): ParsedYaml {
  const fast = parseYamlFast(text);
  if (fast) {
    const { data, values, keys } = fast;
    return { data, source: { file, lines: text.split(/\r?\n/), values, keys }, findings: [] };
  }
  return parseYamlWithLibrary(text, file);
}

/** Reads YAML text with the YAML library; its problems become findings. */
export function parseYamlWithLibrary(text: string, file: string): ParsedYaml {
  const values = new Map<string, { line: number; column: number }>();
  const keys = new Map<string, { line: number; column: number }>();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const source: SourceFile = { file, lines: text.split(/\r?\n/), values, keys };
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  /** An unterminated string is noticed where the file ends; point at the line where it opens. */
  const openingQuote = (error: YAMLError) => {
    if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return undefined;
    const quote = /"/.test(error.message) ? '"' : "'";
    const last = position(error.pos[0]).line;
    for (let index = 0; index < last && index < source.lines.length; index++) {
      const line = source.lines[index]!.replace(/\\./g, '');
      const count = line.split(quote).length - 1;
      if (count % 2 === 1) return { line: index + 1, column: line.lastIndexOf(quote) + 1 };
    }
    return undefined;
  };

  // A tab in the indentation is reported once, at its line: the YAML library's own errors
  // after it are follow-on errors of the one tab. Otherwise every duplicate key is reported,
  // and of the other errors only the first (the parser's later errors follow from it).
  const tab = source.lines.findIndex((line) => /^ *\t/.test(line));
  const duplicates = document.errors.filter((error) => error.code === 'DUPLICATE_KEY');
  const firstOther = document.errors.find((error) => error.code !== 'DUPLICATE_KEY');
  const findings: Finding[] =
    tab >= 0 && document.errors.length > 0
      ? [
          fileFinding(
            file,
            'yaml.syntax',
            describeYamlError('TAB_AS_INDENT', ''),
            tab + 1,
            source.lines[tab]!.indexOf('\t') + 1,
            source.lines[tab],
          ),
        ]
      : [...duplicates, ...(firstOther ? [firstOther] : [])].map((error) => {
          const { line, column } = openingQuote(error) ?? position(error.pos[0]);
          const duplicate = error.code === 'DUPLICATE_KEY';
          return fileFinding(
            file,
            duplicate ? 'yaml.dubblettnyckel' : 'yaml.syntax',
            duplicate
              ? 'samma nyckel förekommer två gånger i samma avsnitt'
              : describeYamlError(error.code, error.message),
            line,
            column,
            source.lines[line - 1],
          );
        });
  if (findings.length > 0) return { data: undefined, source, findings };

  const toData = (node: Node | null, path: Path): unknown => {
    if (node === null) return null;
    if (node.range) values.set(pathKey(path), position(node.range[0]));
    if (isAlias(node)) {
      findings.push(
        fileFinding(
          file,
          'yaml.alias',
          'ankare och alias används inte i innehållsfiler; skriv ut värdet',
          ...lineCol(node.range?.[0] ?? 0),
        ),
      );
      return null;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'number') {
        const raw = node.range ? text.slice(node.range[0], node.range[1]).trim() : String(node.value);
        return plainNumber(raw, node.value);
      }
      // Text is compared in one form: a decomposed «ö» (as macOS and some editors write it) is «ö».
      return typeof node.value === 'string' ? node.value.normalize('NFC') : node.value;
    }
    if (isSeq(node)) return node.items.map((item, index) => toData(item as Node, [...path, index]));
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = (isScalar(keyNode) ? String(keyNode.value) : String(keyNode)).normalize('NFC');
        // The same key in another spelling (2025 and "2025", a composed and a decomposed «ö»)
        // is the same key: the YAML library compares the values as typed, so check again here.
        if (Object.hasOwn(object, key)) {
          findings.push(
            fileFinding(
              file,
              'yaml.dubblettnyckel',
              `nyckeln «${key}» förekommer två gånger i samma avsnitt (skriven på olika sätt)`,
              ...lineCol(keyNode?.range?.[0] ?? 0),
            ),
          );
          continue;
        }
        if (keyNode?.range) keys.set(pathKey([...path, key]), position(keyNode.range[0]));
        // A key without a value ("belopp:") points at the key itself.
        if (pair.value === null && keyNode?.range) values.set(pathKey([...path, key]), position(keyNode.range[0]));
        // defineProperty, not assignment: a key «__proto__» must stay an ordinary (unknown) key.
        Object.defineProperty(object, key, {
          value: toData(pair.value as Node | null, [...path, key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
    return null;
  };
  const lineCol = (offset: number): [number, number, string | undefined] => {
    const { line, column } = position(offset);
    return [line, column, source.lines[line - 1]];
  };

  const data = toData(document.contents as Node | null, []);
  return { data: findings.length > 0 ? undefined : data, source, findings };
}

/** The YAML library's errors in Swedish, by its error code (its own messages are English). */
const YAML_ERRORS: Record<string, string> = {
  TAB_AS_INDENT: 'tabbtecken i indraget; YAML kräver mellanslag',
  BAD_INDENT: 'fel indrag: raden är indragen mer eller mindre än raderna i samma avsnitt',
  MULTILINE_IMPLICIT_KEY: 'en nyckel eller ett värde fortsätter på nästa rad; saknas ett kolon eller ett citattecken?',
  BLOCK_AS_IMPLICIT_KEY: 'ett block används som nyckel; saknas ett kolon?',
  UNEXPECTED_TOKEN: 'oväntat tecken här; kontrollera indrag, kolon och citattecken',
  BAD_SCALAR_START: 'ett värde kan inte börja med det här tecknet; skriv värdet inom citattecken',
  BLOCK_IN_FLOW: 'en lista eller ett avsnitt på flera rader inuti { … } eller [ … ]; skriv det inom klamrarna',
  BAD_DQ_ESCAPE: 'ogiltigt \\-tecken i en sträng inom dubbla citattecken; skriv \\\\ eller använd enkla citattecken',
  MULTIPLE_DOCS: 'filen innehåller flera YAML-dokument (---); en innehållsfil är ett dokument',
  KEY_OVER_1024_CHARS: 'en nyckel är längre än 1 024 tecken; saknas ett kolon?',
  NON_STRING_KEY: 'en nyckel är en lista eller ett avsnitt; en nyckel är ett ord',
  BAD_DIRECTIVE: 'ogiltigt direktiv (en rad som börjar med %)',
  BAD_ALIAS: 'ogiltigt alias (*namn)',
  ALIAS_PROPS: 'ett alias kan inte ha ankare eller tagg',
  MULTIPLE_ANCHORS: 'flera ankare (&namn) på samma värde',
  MULTIPLE_TAGS: 'flera taggar (!!typ) på samma värde',
  BAD_PROP_ORDER: 'ankare och tagg står i fel ordning',
  TAG_RESOLVE_FAILED: 'värdet passar inte sin tagg (!!typ)',
  BAD_COLLECTION_TYPE: 'fel slags samling för taggen',
  IMPOSSIBLE: 'YAML-filen kan inte läsas här',
};

/** A missing character, from the library's message: a quote, a bracket, a colon or a comma. */
function missingChar(message: string): string {
  if (/quote/i.test(message)) return 'en sträng inom citattecken avslutas inte; saknas det avslutande citattecknet?';
  if (/flow map|\}/i.test(message)) return 'en { … } avslutas inte; saknas } eller ett kommatecken?';
  if (/flow seq|\]/i.test(message)) return 'en [ … ] avslutas inte; saknas ] eller ett kommatecken?';
  if (/:/.test(message)) return 'ett kolon saknas efter nyckeln';
  return 'ett tecken saknas; kontrollera kolon, kommatecken och citattecken';
}

function describeYamlError(code: string, message: string): string {
  if (code === 'MISSING_CHAR') return missingChar(message);
  if (/block scalar/i.test(message))
    return 'fel indrag i en text skriven med | eller >: varje rad ska vara indragen minst som den första';
  return YAML_ERRORS[code] ?? 'YAML-filen kan inte läsas här; kontrollera indrag, kolon och citattecken';
}
