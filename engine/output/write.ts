// Writing output safely: each file goes to a temporary name and is renamed into place, so an
// interrupted build never leaves a truncated document where a good one was; a build writes
// into a staging folder that then replaces the output folder as a whole; and nothing is ever
// written inside the content folder. File-system failures are said in Swedish (exit 2).
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describeFileSystemError, UsageError } from '../errors.js';
import { isInside } from '../load/paths.js';
import { onInterrupt } from './interrupt.js';

export class OutputPathError extends UsageError {}

/** Refuses an output folder inside the content folder (or the content folder itself). */
export function assertOutsideContent(outDir: string, contentRoot: string): void {
  if (isInside(contentRoot, outDir)) {
    throw new OutputPathError(`utdatamappen ${outDir} ligger i innehållsmappen; välj en mapp utanför, t.ex. out/`);
  }
}

/** A file-system error as a Swedish sentence about the path (exit 2); other errors pass unchanged. */
export function fileSystemError(error: unknown, target: string): unknown {
  const message = describeFileSystemError(error, target);
  return message ? new OutputPathError(message) : error;
}

export function writeAtomically(file: string, bytes: Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const forget = onInterrupt(() => rmSync(temporary, { force: true }));
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    throw fileSystemError(error, file);
  } finally {
    rmSync(temporary, { force: true });
    forget();
  }
}

/**
 * The names a build writes: numbered documents (00-kallelse.docx, 05.1a-…), their pages, the
 * packet, the protokoll folder; and what a file manager leaves in any folder it shows (replaced
 * with the folder).
 */
const BUILD_OUTPUT =
  /^(\d{2}[-.].*\.(docx|pdf|html)|handlingar-\d{4}-\d{2}-\d{2}\.pdf|protokoll|\.DS_Store|Thumbs\.db|desktop\.ini)$/;

/**
 * Refuses an output folder that is a file, or that holds files a build did not write: the
 * build replaces the folder as a whole, and must never take someone's other files with it.
 */
export function assertUsableOutDir(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory())
    throw new OutputPathError(`utdatamappen ${outDir} är en fil, inte en mapp; välj en annan mapp med --out`);
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch (error) {
    throw fileSystemError(error, outDir);
  }
  const foreign = names.filter((name) => !BUILD_OUTPUT.test(name));
  if (foreign.length > 0)
    throw new OutputPathError(
      `utdatamappen ${outDir} innehåller filer som inget bygge har skrivit (${foreign.slice(0, 3).join(', ')}); ett bygge ersätter hela mappen, så välj en tom eller ny mapp med --out`,
    );
}

/**
 * A folder beside the output folder that a build writes into and then puts in the output
 * folder's place (by renaming), or removes. An interrupt removes it.
 */
export class Staging {
  readonly dir: string;
  private readonly forget: () => void;
  private done = false;

  constructor(private readonly outDir: string) {
    const parent = path.dirname(path.resolve(outDir));
    try {
      mkdirSync(parent, { recursive: true });
      this.dir = mkdtempSync(path.join(parent, `.${path.basename(outDir)}.bygge-`));
      // mkdtemp makes a private folder; the output folder is an ordinary one.
      chmodSync(this.dir, 0o755);
    } catch (error) {
      throw fileSystemError(error, parent);
    }
    this.forget = onInterrupt(() => this.discard());
  }

  write(name: string, bytes: Uint8Array): void {
    writeAtomically(path.join(this.dir, name), bytes);
  }

  /** Keeps a file of the previous build that this build did not change. */
  copy(name: string, from: string): void {
    try {
      mkdirSync(path.dirname(path.join(this.dir, name)), { recursive: true });
      copyFileSync(from, path.join(this.dir, name));
    } catch (error) {
      throw fileSystemError(error, from);
    }
  }

  /** Puts the staging folder in the output folder's place. */
  commit(): void {
    if (this.done) return;
    const old = `${this.dir}.gammal`;
    try {
      if (existsSync(this.outDir)) renameSync(this.outDir, old);
      renameSync(this.dir, this.outDir);
    } catch (error) {
      if (existsSync(old) && !existsSync(this.outDir)) renameSync(old, this.outDir);
      this.discard();
      throw fileSystemError(error, this.outDir);
    }
    rmSync(old, { recursive: true, force: true });
    this.done = true;
    this.forget();
  }

  discard(): void {
    if (this.done) return;
    rmSync(this.dir, { recursive: true, force: true });
    this.done = true;
    this.forget();
  }
}
