// Writing output safely: each file goes to a temporary name and is renamed into place, so an
// interrupted build never leaves a truncated document where a good one was; and nothing is
// ever written inside the content folder.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { isInside } from '../load/paths.js';

export class OutputPathError extends UsageError {}

/** Refuses an output folder inside the content folder (or the content folder itself). */
export function assertOutsideContent(outDir: string, contentRoot: string): void {
  if (isInside(contentRoot, outDir)) {
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
