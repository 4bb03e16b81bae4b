// A worker thread of `check`: loads the shared files of the content once, then does each job it
// is sent — a meeting's head, or a meeting's check — and returns the result (see pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { Loader, loadShared } from '../load/content.js';
import { meetingHead, passMeeting } from './meeting-pass.js';
import type { Job } from './pool.js';

const { contentRoot } = workerData as { contentRoot: string };
// The shared files' findings are the main thread's to report.
const shared = loadShared(new Loader(contentRoot), contentRoot);

parentPort?.on('message', ({ index, job }: { index: number; job: Job }) => {
  const result =
    job.kind === 'head'
      ? meetingHead(contentRoot, job.absoluteDir)
      : passMeeting(contentRoot, shared, job.task).outcome;
  parentPort?.postMessage({ index, result });
});
