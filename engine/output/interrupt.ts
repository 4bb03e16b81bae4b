// Ctrl+C (SIGINT) and SIGTERM during any command: what a command has under way registers how
// to undo it (a temporary file, a staging folder, a LibreOffice process and its profile), and
// the handler undoes all of it, in reverse order, before the process exits with 130. A watch
// (`build --watch`) takes Ctrl+C as its ordinary end instead.
import type { ChildProcess } from 'node:child_process';

export const INTERRUPTED_EXIT = 130;

const cleanups: (() => void)[] = [];
let ending: (() => void) | undefined;
let installed = false;

/** Registers what to undo if the process is interrupted; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.push(cleanup);
  return () => {
    const index = cleanups.lastIndexOf(cleanup);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

/** Runs every registered clean-up, newest first; a failing one does not stop the others. */
export function runCleanups(): void {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    try {
      cleanup();
    } catch {
      // Best effort: the process is ending.
    }
  }
}

/** A child process and its own children (LibreOffice starts soffice.bin) are ended on interrupt. */
export function killOnInterrupt(child: ChildProcess): () => void {
  return onInterrupt(() => killTree(child));
}

/** Ends a child started with `detached: true` together with its process group. */
export function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** While a watch runs, Ctrl+C ends it in its own way (and SIGTERM still interrupts). */
export function endWatchOnCtrlC(end: (() => void) | undefined): void {
  ending = end;
}

/** Installs the handlers once, for the command-line process (never in a library caller). */
export function installInterruptHandlers(exit: (code: number) => never = process.exit): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (signal === 'SIGINT' && ending) {
        ending();
        return;
      }
      runCleanups();
      process.stderr.write('\nhandlingar: avbrutet; inget halvfärdigt lämnades kvar\n');
      exit(INTERRUPTED_EXIT);
    });
  }
}
