// Reads one YAML file into plain data and a map of source positions.
// YAML problems (syntax, tabs, duplicate keys, aliases) become findings, never exceptions.
import { readFileSync, statSync } from 'node:fs';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Finding, FindingCode } from '../findings.js';
import { CODES } from '../findings.js';
import { pathKey, type Path, type SourceFile } from './source.js';

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
  return {
    code,
    severity: CODES[code].severity,
    file,
    line,
    column,
    message,
    ...(excerpt === undefined ? {} : { excerpt }),
  };
}

/** Reads a file as UTF-8 text, or reports why it cannot be used. */
function readText(absolutePath: string, file: string): { text?: string; finding?: Finding } {
  let bytes: Buffer;
  try {
    if (statSync(absolutePath).size > MAX_FILE_BYTES) {
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
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen finns inte' : 'filen kan inte läsas';
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

/**
 * A YAML number as the schema should see it. A plain number with at most two decimals that a
 * double holds exactly stays a number. Everything else is kept as the text typed, so that the
 * schema can say what is wrong with it instead of silently reading it: 1e6, 0x10, .inf, -0,
 * 300.000 (not three hundred) — and numbers with more than 15 digits, which a double would
 * round; those are passed on with a decimal comma so that the amount parser reads them exactly.
 */
function plainNumber(raw: string, value: number): number | string {
  if (!/^-?\d+(\.\d{1,2})?$/.test(raw) || Object.is(value, -0) || /^-0+(\.0+)?$/.test(raw)) return raw;
  return raw.replace(/[-.]/g, '').length > 15 ? raw.replace('.', ',') : value;
}

export function parseYamlFile(absolutePath: string, file: string): ParsedYaml {
  const values = new Map<string, { line: number; column: number }>();
  const keys = new Map<string, { line: number; column: number }>();
  const emptySource: SourceFile = { file, lines: [], values, keys };
  const { text, finding } = readText(absolutePath, file);
  if (text === undefined) return { data: undefined, source: emptySource, findings: [finding!] };

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const source: SourceFile = { file, lines: text.split(/\r?\n/), values, keys };
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const findings: Finding[] = document.errors.map((error) => {
    const { line, column } = position(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    return fileFinding(
      file,
      duplicate ? 'yaml.dubblettnyckel' : 'yaml.syntax',
      duplicate ? 'samma nyckel förekommer två gånger i samma avsnitt' : describeYamlError(error.code, error.message),
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
      return node.value;
    }
    if (isSeq(node)) return node.items.map((item, index) => toData(item as Node, [...path, index]));
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
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

function describeYamlError(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tabbtecken i indraget; YAML kräver mellanslag';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `YAML-syntaxfel: ${firstLine(message)}; kontrollera indrag, kolon och citattecken`;
    case 'MULTILINE_IMPLICIT_KEY':
      return 'en nyckel eller ett värde fortsätter på nästa rad; saknas ett kolon eller ett citattecken?';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'ett block används som nyckel; saknas ett kolon?';
    default:
      return `YAML-syntaxfel: ${firstLine(message)}`;
  }
}

const firstLine = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
