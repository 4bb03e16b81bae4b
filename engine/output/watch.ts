// `handlingar build --watch`: rebuild when content or a template changes, re-rendering only
// the documents whose data or template changed, and show the findings after each change.
//
// Every folder of the content is watched, not its files: a folder's watch sees a file that
// is saved by writing, by renaming a temporary file over it (sed -i, many editors), by
// deleting and creating it, and new files and folders, and it survives all of these. After
// each change the folder tree is read again, so a new folder is watched from then on.
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { resolveMeetingDirs } from '../load/content.js';
import { build, type BuildOptions, type BuildResult } from './build.js';

export interface WatchOptions extends BuildOptions {
  /**
   * Called after the first build and after every rebuild, with its time in milliseconds and
   * the files (relative to the content folder) whose change caused it (none for the first).
   */
  onBuild: (result: BuildResult, milliseconds: number, changed: string[]) => void;
  onError: (error: unknown) => void;
  /** Ends the watch. */
  signal: AbortSignal;
  /** Milliseconds to wait after a change for the editor to finish writing (default 100). */
  settle?: number;
}

/** Editors' temporary and backup files, and hidden files: never content. */
const IGNORED = /(^|[/\\])\.|~$|\.sw[a-p]$|\.tmp$|^\d+$/;

/** Every folder under root (root included), except hidden ones and the output folder. */
function folders(root: string, outDir: string | undefined): string[] {
  const result = [root];
  for (let index = 0; index < result.length; index++) {
    let entries;
    try {
      entries = readdirSync(result[index]!, { withFileTypes: true });
    } catch {
      continue; // removed meanwhile
    }
    for (const entry of entries) {
      const full = path.join(result[index]!, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.') && full !== outDir) result.push(full);
    }
  }
  return result;
}

export interface ContentWatch {
  /** Called once at the start (with no files) and after every change, with the files changed (relative to the content folder). */
  onChange: (changed: string[]) => void;
  /** Ends the watch. */
  signal: AbortSignal;
  /** Milliseconds to wait after a change for the editor to finish writing (default 100). */
  settle?: number;
  /** A folder in the content folder not to watch (the output). */
  outDir?: string;
}

/**
 * Watches the content folder of a target (a meeting or a content folder) until the signal
 * aborts: what `build --watch` and `förhandsgranska` share.
 */
export function watchContent(target: string, options: ContentWatch): Promise<void> {
  const { contentRoot } = resolveMeetingDirs(target);
  const outDir = options.outDir === undefined ? undefined : path.resolve(options.outDir);
  const watchers = new Map<string, FSWatcher>();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  /** A changed content file or template, or a folder; not an editor's temporary file. */
  const shown = (file: string) => {
    if (/\.(ya?ml|docx|pdf)$/i.test(file)) return true;
    const full = path.join(contentRoot, file);
    return existsSync(full) && statSync(full).isDirectory();
  };
  const run = () => {
    const files = [...changed].filter(shown).sort();
    changed.clear();
    options.onChange(files);
  };

  /** Watches every folder there is now and forgets the ones that are gone. */
  const sync = () => {
    if (options.signal.aborted) return;
    const present = new Set(folders(contentRoot, outDir));
    for (const [dir, watcher] of watchers) {
      if (!present.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of present) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, (_event, name) => onEvent(dir, name ? String(name) : ''));
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(dir);
        });
        watchers.set(dir, watcher);
      } catch {
        // The folder went away between reading the tree and watching it.
      }
    }
  };

  const onEvent = (dir: string, name: string) => {
    const full = path.join(dir, name);
    if (name && IGNORED.test(name)) return;
    if (outDir && (full === outDir || full.startsWith(`${outDir}${path.sep}`))) return;
    changed.add(path.relative(contentRoot, full) || '.');
    clearTimeout(timer);
    timer = setTimeout(() => {
      sync();
      run();
    }, options.settle ?? 100);
  };

  // Watch first, then run: a change saved while the first run works is not missed.
  sync();
  run();
  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
      resolve();
    };
    if (options.signal.aborted) stop();
    else options.signal.addEventListener('abort', stop, { once: true });
  });
}

/** Builds, then rebuilds on every change in the content folder until the signal aborts. */
export function watchBuild(target: string, options: WatchOptions): Promise<void> {
  const cache = new Map<string, string>();
  return watchContent(target, {
    signal: options.signal,
    ...(options.settle === undefined ? {} : { settle: options.settle }),
    ...(options.outDir === undefined ? {} : { outDir: options.outDir }),
    onChange: (files) => {
      const started = performance.now();
      try {
        const result = build(target, { ...options, cache });
        options.onBuild(result, performance.now() - started, files);
      } catch (error) {
        options.onError(error);
      }
    },
  });
}
