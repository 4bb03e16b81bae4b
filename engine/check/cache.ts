// The check cache: what a meeting's check found, kept between runs and keyed by everything the
// result depends on — the content of every file in the meeting folder and of the files it
// names outside it, the files all meetings share, the § number its year reached before it,
// and the engine's own code. A changed file, profile or engine gives a new key, so an entry
// is never used wrongly; the folder is safe to delete. One file per content folder, written
// whole (a temporary file renamed into place), so a run that stops leaves the old one.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MeetingHead, MeetingOutcome } from './meeting-pass.js';

/** Where the cache lives unless the command names a folder: $HANDLINGAR_CACHE, else the user's cache folder. */
export function defaultCacheFolder(): string {
  const env = process.env;
  if (env.HANDLINGAR_CACHE) return env.HANDLINGAR_CACHE;
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'handlingar');
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

let fingerprint: string | undefined;

/**
 * The engine's own code and its locked dependencies, hashed: a new engine version, or any
 * change to its code while it is developed, makes every entry stale.
 */
export function engineFingerprint(): string {
  if (fingerprint) return fingerprint;
  // dist/engine/check/cache.js when installed, engine/check/cache.ts when run from source.
  const codeRoot = fileURLToPath(new URL('../../', import.meta.url));
  const packageRoot = path.basename(codeRoot) === 'dist' ? path.dirname(codeRoot) : codeRoot;
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(file).update(readFileSync(file));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(entry.name)) add(full);
    }
  };
  for (const folder of ['engine', 'schemas']) walk(path.join(codeRoot, folder));
  for (const file of ['package.json', 'package-lock.json']) {
    try {
      add(path.join(packageRoot, file));
    } catch {
      // An installed package may come without its lock file; its version is in package.json.
    }
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** A file as the cache last saw it: stat fields and the hash of its content. */
type FileRecord = [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];

interface Stored {
  engine: string;
  files: Record<string, FileRecord>;
  heads: Record<string, { key: string; head: MeetingHead }>;
  outcomes: Record<string, { key: string; outcome: MeetingOutcome }>;
}

/**
 * A stat that matches is trusted only when the file had not changed within this margin of
 * being hashed: a write in the same clock tick as the hash could otherwise go unseen.
 */
const RACY_MS = 2000;

export class CheckCache {
  private readonly stored: Stored;
  private readonly used: Stored;
  private readonly seen = new Map<string, string>();
  /** Files written since this run began: a result read from them is not remembered. */
  private readonly recent = new Set<string>();
  private readonly startedAt = Date.now();
  private changed = false;

  private constructor(
    private readonly file: string,
    stored: Stored | undefined,
  ) {
    const engine = engineFingerprint();
    this.stored = stored?.engine === engine ? stored : { engine, files: {}, heads: {}, outcomes: {} };
    this.used = { engine, files: {}, heads: {}, outcomes: {} };
  }

  /** Opens the cache of one content folder; an unreadable or damaged cache is an empty one. */
  static open(folder: string, contentRoot: string): CheckCache {
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${sha(`${contentRoot}\n${process.cwd()}`).slice(0, 32)}.json`);
    let stored: Stored | undefined;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stored>;
      if (parsed.files && parsed.heads && parsed.outcomes && typeof parsed.engine === 'string')
        stored = parsed as Stored;
    } catch {
      stored = undefined;
    }
    return new CheckCache(file, stored);
  }

  /** The hash of a file's content ('-' when it does not exist), reusing the last hash while its stat is unchanged. */
  fileHash(absolute: string): string {
    const known = this.seen.get(absolute);
    if (known) return known;
    let hash = '-';
    try {
      const stat = statSync(absolute);
      if (stat.isDirectory()) hash = 'dir';
      else {
        const record = this.stored.files[absolute];
        const same =
          record &&
          record[0] === stat.size &&
          record[1] === stat.mtimeMs &&
          record[2] === stat.ctimeMs &&
          record[3] === stat.ino;
        hash = same ? record[4] : sha(readFileSync(absolute));
        const written = Math.max(stat.mtimeMs, stat.ctimeMs);
        if (Date.now() - written > RACY_MS)
          this.used.files[absolute] = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, hash];
        // Hashed while a check may be reading it: changed during the run, it cannot key a result.
        if (written >= this.startedAt) this.recent.add(absolute);
        if (!same) this.changed = true;
      }
    } catch {
      hash = '-';
    }
    this.seen.set(absolute, hash);
    return hash;
  }

  /** Whether a meeting has a stored outcome at all (its key is worth computing). */
  knows(absoluteDir: string): boolean {
    return Object.hasOwn(this.stored.outcomes, absoluteDir);
  }

  /** Every name and file below a folder, hashed: a file added, removed, renamed or changed changes it. */
  treeHash(dir: string): string {
    const parts: string[] = [];
    const walk = (folder: string, prefix: string) => {
      const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
        else if (!entry.isSymbolicLink()) parts.push(`${prefix}${entry.name} ${this.fileHash(full)}`);
        // A link: where it points, and what is there (a folder is named, not followed).
        else parts.push(`${prefix}${entry.name}->${readlinkSync(full)} ${this.fileHash(full)}`);
      }
    };
    walk(dir, '');
    return sha(parts.join('\n'));
  }

  private headKey(absoluteDir: string): string {
    return ['mote.yaml', 'protokoll.yaml'].map((name) => this.fileHash(path.join(absoluteDir, name))).join(':');
  }

  /** The head of a meeting (its date and § span) as stored, while its mote.yaml and protokoll.yaml are unchanged. */
  head(absoluteDir: string): MeetingHead | undefined {
    const entry = this.stored.heads[absoluteDir];
    if (entry?.key !== this.headKey(absoluteDir)) return undefined;
    this.used.heads[absoluteDir] = entry;
    return entry.head;
  }

  rememberHead(absoluteDir: string, head: MeetingHead): void {
    const files = ['mote.yaml', 'protokoll.yaml'].map((name) => path.join(absoluteDir, name));
    if (files.some((file) => this.recent.has(file))) return;
    this.used.heads[absoluteDir] = { key: this.headKey(absoluteDir), head };
    this.changed = true;
  }

  /** The key of a meeting's outcome: its folder, what it shares with the others, its § start and external files. */
  private outcomeKey(base: string, external: readonly string[]): string {
    return sha([base, ...external.map((file) => `${file} ${this.fileHash(file)}`)].join('\n'));
  }

  /** A stored outcome that is still right for this meeting, if there is one. */
  outcome(base: string, absoluteDir: string, needsChecks: boolean): MeetingOutcome | undefined {
    const entry = this.stored.outcomes[absoluteDir];
    if (!entry || (needsChecks && !entry.outcome.checked)) return undefined;
    if (entry.key !== this.outcomeKey(base, entry.outcome.external)) return undefined;
    this.used.outcomes[absoluteDir] = entry;
    return entry.outcome;
  }

  /** Keeps a meeting's outcome, unless one of its files was written during the run. */
  remember(base: string, outcome: MeetingOutcome): void {
    const key = this.outcomeKey(base, outcome.external);
    const inside = `${outcome.absoluteDir}${path.sep}`;
    for (const file of this.recent) if (file.startsWith(inside) || outcome.external.includes(file)) return;
    this.used.outcomes[outcome.absoluteDir] = { key, outcome };
    this.changed = true;
  }

  /** Writes what this run used, when anything changed: entries of meetings that no longer exist fall away. */
  save(): void {
    if (!this.changed) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.used));
    renameSync(temporary, this.file);
  }
}
