// A worker thread of `check`: loads the shared files of the content once, then checks each
// meeting it is sent and returns the outcome (see pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { Loader, loadShared } from '../load/content.js';
import { passMeeting, type MeetingTask } from './meeting-pass.js';

const { contentRoot } = workerData as { contentRoot: string };
// The shared files' findings are the main thread's to report.
const shared = loadShared(new Loader(contentRoot), contentRoot);

parentPort?.on('message', ({ index, task }: { index: number; task: MeetingTask }) => {
  parentPort?.postMessage({ index, outcome: passMeeting(contentRoot, shared, task).outcome });
});
