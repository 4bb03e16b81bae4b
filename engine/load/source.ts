// A content file as loaded: its text and where every value and key in it starts,
// so that any later stage can point at the exact line and column of a value.

export type Path = readonly (string | number)[];

export interface SourcePosition {
  /** Path as shown to the user (relative to the working directory). */
  file: string;
  line: number;
  column: number;
  /** The source line the position is on, for showing the user. */
  excerpt?: string;
}

export interface SourceFile {
  /** Path as shown to the user. */
  file: string;
  lines: readonly string[];
  /** Start of each value, by path. */
  values: ReadonlyMap<string, { line: number; column: number }>;
  /** Start of each mapping key, by the path of its value. */
  keys: ReadonlyMap<string, { line: number; column: number }>;
}

/**
 * The key of a path in `values` and `keys`: its steps joined by NUL. join turns each step (a
 * string or a number) into text itself, with no array of texts in between; a key built up by
 * concatenation would be kept as a chain of pieces in the maps, which costs more.
 */
export const pathKey = (path: Path): string => path.join('\u0000');

/**
 * Where a path points: the value itself when it exists, else the nearest enclosing value
 * (a missing key is reported at the mapping that should hold it).
 */
export function locate(source: SourceFile, path: Path, onKey = false): SourcePosition {
  for (let length = path.length; length >= 0; length--) {
    // The whole path is nearly always found: it is keyed without a copy.
    const key = pathKey(length === path.length ? path : path.slice(0, length));
    const found = (onKey && length === path.length && source.keys.get(key)) || source.values.get(key);
    if (found) return { file: source.file, ...found, excerpt: source.lines[found.line - 1] ?? '' };
  }
  return { file: source.file, line: 1, column: 1, excerpt: source.lines[0] ?? '' };
}

/** Whether the path names a value that is present in the file. */
export function hasValue(source: SourceFile, path: Path): boolean {
  return source.values.has(pathKey(path));
}
