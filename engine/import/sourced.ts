// What an import reader gives: the content as the applicant typed it (amounts as Swedish text,
// as a person would write them in YAML), where each value came from, and the findings.
import { pathKey, type Path } from '../load/source.js';
import type { Finding } from '../findings.js';

export type Raw = string | number | boolean | Raw[] | { [key: string]: Raw };
export type RawObject = { [key: string]: Raw };

export class Sourced {
  readonly value: RawObject = {};
  /** The source of each value, by path: «budget.xlsx Budget!F23», a content control's title. */
  readonly sources = new Map<string, string>();
  readonly findings: Finding[] = [];

  set(path: Path, value: Raw, source: string): void {
    let node: RawObject | Raw[] = this.value;
    path.forEach((key, i) => {
      const last = i === path.length - 1;
      const record = node as Record<string | number, Raw>;
      if (last) {
        record[key] = value;
        return;
      }
      if (record[key] === undefined) record[key] = typeof path[i + 1] === 'number' ? [] : {};
      node = record[key] as RawObject | Raw[];
    });
    this.sources.set(pathKey(path), source);
  }

  get(path: Path): Raw | undefined {
    let node: Raw | undefined = this.value;
    for (const key of path) {
      if (node === undefined || typeof node !== 'object') return undefined;
      node = (node as Record<string | number, Raw>)[key];
    }
    return node;
  }

  /** Merges another import (the Word form into the budget, say); this one's values win. */
  merge(other: Sourced): void {
    const walk = (value: Raw, path: (string | number)[]) => {
      const source = other.sources.get(pathKey(path));
      if (source !== undefined && this.get(path) === undefined) this.set(path, value, source);
      else if (value && typeof value === 'object')
        for (const [key, child] of Object.entries(value))
          walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
    };
    walk(other.value, []);
    this.findings.push(...other.findings);
  }
}
