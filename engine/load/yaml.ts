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
 * A plain number with at most two decimals, as the user typed it. Other YAML number forms
 * (1e6, 0x10, .inf, 300.000) are kept as the text typed, so that the schema can say what is
 * wrong with them instead of silently reading 300.000 as three hundred.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d{1,2})?$/;

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
        return PLAIN_NUMBER.test(raw) ? node.value : raw;
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
        object[key] = toData(pair.value as Node | null, [...path, key]);
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
