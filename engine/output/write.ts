// Writing output safely: each file goes to a temporary name and is renamed into place, so an
// interrupted build never leaves a truncated document where a good one was; and nothing is
// ever written inside the content folder.
import { mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

export class OutputPathError extends UsageError {}

function realOrResolved(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    // A folder that does not exist yet: judge it by its nearest existing ancestor.
    const parent = path.dirname(target);
    return parent === target ? target : path.join(realOrResolved(parent), path.basename(target));
  }
}

/** Refuses an output folder inside the content folder (or the content folder itself). */
export function assertOutsideContent(outDir: string, contentRoot: string): void {
  const relative = path.relative(realOrResolved(contentRoot), realOrResolved(path.resolve(outDir)));
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw new OutputPathError(`utdatamappen ${outDir} ligger i innehållsmappen; välj en mapp utanför, t.ex. out/`);
  }
}

export function writeAtomically(file: string, bytes: Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
