// Meetings read in parallel on worker threads, one at a time per worker, so the cores share the
// work however uneven the meetings are: first each meeting's head (date and § span), then each
// meeting's check. Results come back in the order of the jobs, whichever worker finished first:
// findings stay in a serial run's order.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MeetingHead, MeetingOutcome, MeetingTask } from './meeting-pass.js';

/** Below this many meetings to read, starting workers costs more than it saves. */
export const PARALLEL_FROM = 12;

/** The worker script sits beside this module once compiled; from TypeScript source there is none. */
const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
/** The same worker bundled into one file (scripts/bundle.ts): it starts in a fraction of the time. */
const WORKER_BUNDLE = fileURLToPath(new URL('../../bundle/worker.cjs', import.meta.url));
export const canRunWorkers = (): boolean => import.meta.url.endsWith('.js');

const modified = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
/** The bundle unless a bare `tsc` has made it older than the worker's own module: never older code. */
const workerScript = () => (modified(WORKER_BUNDLE) >= modified(WORKER) ? WORKER_BUNDLE : WORKER);

/** Jobs sent ahead to each worker, so that it never waits for the main thread between meetings. */
const AHEAD = 2;

/** How many workers to use for this many meetings: as asked, else one per core. */
export function workerCount(meetings: number, asked: number | undefined): number {
  if (!canRunWorkers()) return 1;
  if (asked !== undefined) return Math.max(1, Math.min(asked, meetings));
  return meetings < PARALLEL_FROM ? 1 : Math.min(availableParallelism(), Math.ceil(meetings / PARALLEL_FROM));
}

/** What a worker does (worker.ts): read a meeting's head, or check a meeting. */
export type Job = { kind: 'head'; absoluteDir: string } | { kind: 'meeting'; task: MeetingTask };
type ResultOf<J extends Job> = J extends { kind: 'head' } ? MeetingHead : MeetingOutcome;

export class WorkerPool {
  private readonly workers: Worker[];

  constructor(contentRoot: string, size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(workerScript(), { workerData: { contentRoot } }));
  }

  /** Runs the jobs on the workers; the results in the jobs' order. */
  async run<J extends Job>(jobs: readonly J[]): Promise<ResultOf<J>[]> {
    const results = new Array<ResultOf<J>>(jobs.length);
    let next = 0;
    const feed = (worker: Worker) =>
      new Promise<void>((resolve, reject) => {
        let pending = 0;
        const send = () => {
          while (pending < AHEAD && next < jobs.length) {
            const index = next++;
            pending++;
            worker.postMessage({ index, job: jobs[index] });
          }
          if (pending > 0) return;
          worker.off('message', receive).off('error', reject).off('exit', exited);
          resolve();
        };
        const receive = ({ index, result }: { index: number; result: ResultOf<J> }) => {
          results[index] = result;
          pending--;
          send();
        };
        const exited = (code: number) => reject(new Error(`en arbetstråd avslutades oväntat (kod ${code})`));
        worker.on('message', receive).on('error', reject).on('exit', exited);
        send();
      });
    await Promise.all(this.workers.map(feed));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
