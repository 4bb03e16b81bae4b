// Meetings checked in parallel on worker threads, one meeting at a time per worker, so the
// cores share the work however uneven the meetings are. The outcomes come back in the order
// of the tasks, whichever worker finished first: findings stay in a serial run's order.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MeetingOutcome, MeetingTask } from './meeting-pass.js';

/** Below this many meetings to check, starting workers costs more than it saves. */
export const PARALLEL_FROM = 12;

/** The worker script sits beside this module once compiled; from TypeScript source there is none. */
const WORKER = new URL('./worker.js', import.meta.url);
export const canRunWorkers = (): boolean => import.meta.url.endsWith('.js');

/** How many workers to use for this many meetings: as asked, else one per core. */
export function workerCount(meetings: number, asked: number | undefined): number {
  if (!canRunWorkers()) return 1;
  if (asked !== undefined) return Math.max(1, Math.min(asked, meetings));
  return meetings < PARALLEL_FROM ? 1 : Math.min(availableParallelism(), Math.ceil(meetings / PARALLEL_FROM));
}

export async function runInWorkers(
  contentRoot: string,
  tasks: readonly MeetingTask[],
  workers: number,
): Promise<MeetingOutcome[]> {
  const outcomes: MeetingOutcome[] = new Array<MeetingOutcome>(tasks.length);
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: { contentRoot } });
      let finished = false;
      const send = () => {
        if (next < tasks.length) {
          const index = next++;
          worker.postMessage({ index, task: tasks[index] });
          return;
        }
        finished = true;
        void worker.terminate().then(() => resolve());
      };
      worker.on('message', ({ index, outcome }: { index: number; outcome: MeetingOutcome }) => {
        outcomes[index] = outcome;
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!finished) reject(new Error(`en arbetstråd avslutades oväntat (kod ${code})`));
      });
      send();
    });
  await Promise.all(Array.from({ length: Math.min(workers, tasks.length) }, runWorker));
  return outcomes;
}
