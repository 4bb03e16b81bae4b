// A synthetic archive for the benchmarks: the example förbund with N meetings, each a copy of
// the example meeting of 2024-09-12 under its own date. The copies are unchanged apart from
// the date, so every meeting has the example's size and findings (11 ansökningar, 19 ärenden).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const EXAMPLE = path.resolve('content');
const MEETING = '2024-09-12';

/** The i-th date of the archive: one meeting a week from 2001-01-04. */
function dateOf(index: number): string {
  return new Date(Date.UTC(2001, 0, 4 + 7 * index)).toISOString().slice(0, 10);
}

export function syntheticArchive(meetings: number): string {
  const root = mkdtempSync(path.join(tmpdir(), `handlingar-arkiv-${meetings}-`));
  cpSync(path.join(EXAMPLE, 'forbund.yaml'), path.join(root, 'forbund.yaml'));
  cpSync(path.join(EXAMPLE, 'ekonomi.yaml'), path.join(root, 'ekonomi.yaml'));
  const source = path.join(EXAMPLE, 'moten', MEETING);
  const mote = readFileSync(path.join(source, 'mote.yaml'), 'utf8');
  for (let i = 0; i < meetings; i++) {
    const date = dateOf(i);
    const target = path.join(root, 'moten', date);
    mkdirSync(target, { recursive: true });
    cpSync(path.join(source, 'arenden'), path.join(target, 'arenden'), { recursive: true });
    cpSync(path.join(source, 'ansokningar'), path.join(target, 'ansokningar'), { recursive: true });
    writeFileSync(path.join(target, 'mote.yaml'), mote.replace(`datum: ${MEETING}`, `datum: ${date}`));
  }
  return root;
}
