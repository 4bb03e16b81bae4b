// `handlingar build --watch`: rebuild when content or a template changes, re-rendering only
// the documents whose data or template changed, and show the findings after each change.
import { watch } from 'node:fs';
import path from 'node:path';
import { resolveMeetingDirs } from '../load/content.js';
import { build, type BuildOptions, type BuildResult } from './build.js';

export interface WatchOptions extends BuildOptions {
  /** Called after the first build and after every rebuild, with its time in milliseconds. */
  onBuild: (result: BuildResult, milliseconds: number) => void;
  onError: (error: unknown) => void;
  /** Ends the watch. */
  signal: AbortSignal;
}

/** Builds, then rebuilds on every change in the content folder until the signal aborts. */
export function watchBuild(target: string, options: WatchOptions): Promise<void> {
  const { contentRoot } = resolveMeetingDirs(target);
  const outDir = options.outDir;
  const cache = new Map<string, string>();
  const run = () => {
    const started = performance.now();
    try {
      options.onBuild(build(target, { ...options, cache }), performance.now() - started);
    } catch (error) {
      options.onError(error);
    }
  };
  run();
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(contentRoot, { recursive: true, signal: options.signal }, (_event, file) => {
      // Output inside the content folder is refused, but ignore editors' temporary files.
      if (
        file &&
        (/(^|\/)\.|~$|\.swp$/.test(file) ||
          (outDir && path.resolve(contentRoot, file).startsWith(path.resolve(outDir))))
      )
        return;
      clearTimeout(timer);
      timer = setTimeout(run, 100);
    });
    watcher.on('error', () => undefined);
    options.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
