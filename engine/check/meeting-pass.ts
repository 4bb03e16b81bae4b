// One meeting, on its own: what `check` does for each meeting of a content folder, in this
// thread or in a worker. It needs only the files the meetings share and the last § number
// the meeting's year reached before it; it returns its findings and its grants for the
// register, and keeps nothing, so that memory stays flat however many meetings there are.
import path from 'node:path';
import { numberAgenda } from '../derive/agenda.js';
import { deriveMeeting } from '../derive/meeting.js';
import { deriveProtocol, type DerivedProtocol } from '../derive/protocol.js';
import { meetingEntries, type RegisterEntry } from '../derive/register.js';
import type { Finding } from '../findings.js';
import { Loader, loadMeeting, loadMeetingHead, type MeetingModel, type SharedContent } from '../load/content.js';
import { checkMeeting } from './index.js';

export interface MeetingTask {
  absoluteDir: string;
  /** The last § of the meeting's year before it, when an earlier protokoll of the year numbered one. */
  previousLast?: number;
  /** Check the meeting (one the command names), or only derive its grants for the register. */
  checks: boolean;
}

export interface MeetingOutcome {
  absoluteDir: string;
  /** Whether the meeting's checks ran: findings are only complete then. */
  checked: boolean;
  findings: Finding[];
  /** The grants its protokoll decides, in § order. */
  entries: RegisterEntry[];
  counts: { ansokningar: number; arenden: number };
  /** Files outside the meeting folder that its result depends on (bilagor elsewhere in the content). */
  external: string[];
}

export interface MeetingHead {
  /** The meeting's date from mote.yaml; '' when mote.yaml does not load. */
  datum: string;
  /** Its protokoll, when it loads: the § it starts at if typed, and its number of paragraphs. */
  protocol?: { typedFirst?: number; count: number };
}

export interface MeetingPass {
  outcome: MeetingOutcome;
  model: MeetingModel;
  protocol?: DerivedProtocol;
}

/** A meeting's date and § span, read from its mote.yaml and protokoll.yaml alone. */
export function meetingHead(contentRoot: string, absoluteDir: string): MeetingHead {
  // Read silently: the meeting's findings come from its own check.
  const { mote, protokoll } = loadMeetingHead(new Loader(contentRoot), absoluteDir);
  if (!mote) return { datum: '' };
  const typedFirst = protokoll?.data.första_paragraf;
  return {
    datum: mote.data.datum,
    ...(protokoll
      ? { protocol: { ...(typedFirst !== undefined ? { typedFirst } : {}), count: protokoll.data.paragrafer.length } }
      : {}),
  };
}

/** The protocol of a meeting, numbered on from the year's last § before it. */
function protocolOf(model: MeetingModel, previousLast: number | undefined): DerivedProtocol | undefined {
  if (!model.mote) return undefined;
  return deriveProtocol(model, numberAgenda(model.mote.data, model.arenden), previousLast);
}

/** Files a meeting reads outside its own folder: bilagor named by a path that leaves it. */
function externalFiles(model: MeetingModel): string[] {
  const files = new Set<string>();
  for (const { data } of model.arenden.values())
    for (const bilaga of data.bilagor) {
      if (bilaga.fil === undefined) continue;
      const target = path.resolve(model.absoluteDir, bilaga.fil);
      // Judged by the path as written: the cache reads a file inside the folder through its links.
      if (path.relative(model.absoluteDir, target).startsWith('..')) files.add(target);
    }
  return [...files].sort();
}

export function passMeeting(contentRoot: string, shared: SharedContent, task: MeetingTask): MeetingPass {
  const loader = new Loader(contentRoot);
  const model = loadMeeting(loader, contentRoot, task.absoluteDir, shared);
  const protocol = protocolOf(model, task.previousLast);
  const findings: Finding[] = [];
  if (task.checks) {
    // A meeting's checks read the economy's figure names (its columns in ekonomi.yaml), never
    // the amounts the register fills in, so the economy as typed serves here; a test holds
    // the findings equal to those of a check with the whole register.
    const derived = deriveMeeting(model, { ekonomi: model.ekonomi, register: [], ...(protocol ? { protocol } : {}) });
    findings.push(...loader.findings, ...checkMeeting(model, derived));
  }
  return {
    outcome: {
      absoluteDir: task.absoluteDir,
      checked: task.checks,
      findings,
      entries: meetingEntries(model, protocol),
      counts: {
        ansokningar: model.ansokningar.size + model.broken.size,
        arenden: model.mote?.data.dagordning.length ?? 0,
      },
      external: externalFiles(model),
    },
    model,
    ...(protocol ? { protocol } : {}),
  };
}
