// The first stages of every command: load the content, derive what can be derived, and check
// it. Meetings are taken one at a time — loaded, checked and released — keeping only what the
// checks across meetings need: each meeting's date and § span (to number the protokoll through
// the year), its grants (the register of decisions) and its findings. `check` runs them in
// parallel and from the cache; the commands that write documents keep the models they name.
import path from 'node:path';
import { deriveMeeting, type CheckedMeeting } from '../derive/meeting.js';
import { earlierEntries, economyFromRegister, sortRegister, type RegisterEntry } from '../derive/register.js';
import { sortFindings, type Finding } from '../findings.js';
import { Loader, loadShared, resolveMeetingDirs, type SharedContent } from '../load/content.js';
import { sum } from '../money.js';
import { CheckCache } from './cache.js';
import { checkEconomy, checkProfile, checkRegister } from './index.js';
import {
  meetingHead,
  passMeeting,
  type MeetingHead,
  type MeetingOutcome,
  type MeetingPass,
  type MeetingTask,
} from './meeting-pass.js';
import { WorkerPool, workerCount } from './pool.js';
import { checkPeriod, followUpPeriods, type FollowUpCheck } from './run-uppfoljning.js';

export interface ContentCheck {
  findings: Finding[];
  /** The register of decisions of the whole content: beslut.yaml and every protokoll. */
  register: readonly RegisterEntry[];
  /** Counted over the meetings that were checked. */
  counts: { meetings: number; ansokningar: number; arenden: number };
  /** Meetings whose outcome came from the cache, unchanged since a run that checked them. */
  reused: number;
  /** Why the cache could not be used or written, when it could not: the check ran without it. */
  cacheProblem?: string;
}

export interface CheckResult extends Omit<ContentCheck, 'cacheProblem' | 'reused'> {
  meetings: CheckedMeeting[];
}

export interface CheckOptions {
  /** The cache folder; without one, everything is checked anew. */
  cache?: string;
  /** Worker threads; 1 checks in this thread. Default: one per core when there are enough meetings. */
  jobs?: number;
}

/** What the content holds and what to do with it, before any meeting is loaded in full. */
interface Plan {
  contentRoot: string;
  /** The target is the content folder itself (not one meeting): the follow-up is checked too. */
  wholeContent: boolean;
  shared: SharedContent;
  sharedFindings: Finding[];
  /** Every meeting of the content in date order; `checks` for those the target names. */
  tasks: MeetingTask[];
}

/**
 * Orders the meetings by date and gives each the last § its year reached before it: the
 * protokoll of a year are numbered on from one another unless one states its first §.
 */
export function orderMeetings(
  meetings: readonly { absoluteDir: string; head: MeetingHead }[],
  targets: ReadonlySet<string>,
): MeetingTask[] {
  const lastOfYear = new Map<string, number>();
  // A stable sort: meetings on the same date keep their folders' order.
  return [...meetings]
    .sort((a, b) => a.head.datum.localeCompare(b.head.datum))
    .map(({ absoluteDir, head }) => {
      const year = head.datum.slice(0, 4);
      const previousLast = lastOfYear.get(year);
      if (head.protocol) {
        const first = head.protocol.typedFirst ?? (previousLast ?? 0) + 1;
        lastOfYear.set(year, first + head.protocol.count - 1);
      }
      return { absoluteDir, checks: targets.has(absoluteDir), ...(previousLast !== undefined ? { previousLast } : {}) };
    });
}

/** The content folder, its shared files and its meetings, before any meeting is read. */
function survey(target: string) {
  const { contentRoot, meetingDirs } = resolveMeetingDirs(target);
  const loader = new Loader(contentRoot);
  const wholeContent = path.resolve(target) === contentRoot;
  return {
    contentRoot,
    wholeContent,
    shared: loadShared(loader, contentRoot),
    sharedFindings: loader.findings,
    all: wholeContent ? meetingDirs : resolveMeetingDirs(contentRoot).meetingDirs,
    targets: new Set(meetingDirs),
  };
}

function plan(target: string): Plan {
  const { all, targets, ...rest } = survey(target);
  const heads = all.map((absoluteDir) => ({ absoluteDir, head: meetingHead(rest.contentRoot, absoluteDir) }));
  return { ...rest, tasks: orderMeetings(heads, targets) };
}

/** What spans the meetings, once every meeting's outcome is in (in the plan's order). */
function finish(p: Plan, outcomes: readonly MeetingOutcome[], withFollowUp: boolean) {
  const { forbund, ekonomi: typedEconomy, beslut } = p.shared;
  const register = sortRegister([...earlierEntries(beslut), ...outcomes.flatMap((outcome) => outcome.entries)]);
  const ekonomi = typedEconomy ? economyFromRegister(typedEconomy, register) : undefined;
  const checked = outcomes.filter((_, index) => p.tasks[index]!.checks);
  const followUp =
    withFollowUp && p.wholeContent
      ? followUpPeriods(p.contentRoot).flatMap(
          (period) => checkPeriod(p.contentRoot, period, register, forbund?.data).findings,
        )
      : [];
  const findings = sortFindings([
    ...p.sharedFindings,
    ...checked.flatMap((outcome) => outcome.findings),
    // The förbund and its economy are shared by every meeting: checked once.
    ...(forbund ? checkProfile(forbund) : []),
    ...(ekonomi ? checkEconomy(ekonomi) : []),
    ...(typedEconomy ? checkRegister(typedEconomy, register, beslut) : []),
    ...followUp,
  ]);
  return {
    findings,
    register,
    ekonomi,
    counts: {
      meetings: checked.length,
      ansokningar: sum(checked.map((outcome) => outcome.counts.ansokningar)),
      arenden: sum(checked.map((outcome) => outcome.counts.arenden)),
    },
  };
}

/**
 * Checks a meeting folder, or every meeting of a content folder, with its follow-up: the
 * `check` command. Meetings the cache knows are not checked again; the rest run on worker
 * threads when there are enough of them. Throws ContentPathError when the path is neither.
 */
export async function checkContent(target: string, options: CheckOptions = {}): Promise<ContentCheck> {
  let cacheProblem: string | undefined;
  const unusable = (error: unknown) =>
    `cachen i ${options.cache} kunde inte användas (${(error as NodeJS.ErrnoException).code ?? String(error)}); allt kontrollerades utan den`;
  const { all, targets, ...surveyed } = survey(target);
  const { contentRoot } = surveyed;
  let cache: CheckCache | undefined;
  try {
    if (options.cache !== undefined) cache = CheckCache.open(options.cache, contentRoot);
  } catch (error) {
    cacheProblem = unusable(error);
  }
  // Workers, when there are enough meetings to read: first their heads, then their checks.
  let pool: WorkerPool | undefined;
  const workersFor = (count: number) => {
    const size = workerCount(count, options.jobs);
    if (size > 1) pool ??= new WorkerPool(contentRoot, size);
    return pool;
  };
  try {
    const stored = all.map((absoluteDir) => cache?.head(absoluteDir));
    const unread = all.filter((_, index) => !stored[index]);
    const read = await (workersFor(unread.length)?.run(
      unread.map((absoluteDir) => ({ kind: 'head' as const, absoluteDir })),
    ) ?? unread.map((absoluteDir) => meetingHead(contentRoot, absoluteDir)));
    unread.forEach((absoluteDir, n) => cache?.rememberHead(absoluteDir, read[n]!));
    let n = 0;
    const heads = all.map((absoluteDir, index) => ({ absoluteDir, head: stored[index] ?? read[n++]! }));
    const p: Plan = { ...surveyed, tasks: orderMeetings(heads, targets) };
    const sharedHash = cache
      ? ['forbund.yaml', 'ekonomi.yaml', 'beslut.yaml'].map((name) => cache.fileHash(path.join(contentRoot, name)))
      : [];
    const baseOf = (task: MeetingTask) =>
      [task.absoluteDir, task.previousLast ?? '', ...sharedHash, cache?.treeHash(task.absoluteDir)].join('\n');
    const outcomes = p.tasks.map((task) =>
      cache?.knows(task.absoluteDir) ? cache.outcome(baseOf(task), task.absoluteDir, task.checks) : undefined,
    );
    const missing = p.tasks.flatMap((task, index) => (outcomes[index] ? [] : [{ task, index }]));
    const tasks = missing.map(({ task }) => task);
    const workers = workersFor(tasks.length);
    // The keys of the meetings being checked are hashed while the workers check them (the cache
    // remembers no meeting with a file that changed after the run began).
    const hashing = async () => {
      const bases: string[] = [];
      for (const task of tasks) {
        bases.push(baseOf(task));
        if (workers) await new Promise((resolve) => setImmediate(resolve));
      }
      return bases;
    };
    const [computed, bases] = workers
      ? await Promise.all([
          workers.run(tasks.map((task) => ({ kind: 'meeting' as const, task }))),
          cache ? hashing() : [],
        ])
      : [tasks.map((task) => passMeeting(contentRoot, p.shared, task).outcome), cache ? await hashing() : []];
    // The workers' memory goes before the findings are sorted and the cache is written.
    await pool?.close();
    pool = undefined;
    missing.forEach(({ index }, m) => {
      outcomes[index] = computed[m];
      if (cache) cache.remember(bases[m]!, computed[m]!);
    });
    try {
      cache?.save();
    } catch (error) {
      cacheProblem = unusable(error);
    }
    const { findings, register, counts } = finish(p, outcomes as MeetingOutcome[], true);
    const reused = p.tasks.length - missing.length;
    return { findings, register, counts, reused, ...(cacheProblem ? { cacheProblem } : {}) };
  } finally {
    await pool?.close();
  }
}

/**
 * Loads and checks a meeting folder, or every meeting of a content folder, in this thread,
 * keeping the models of the meetings the target names, derived with the whole register: what
 * the commands that write documents start from. Throws ContentPathError when the path is neither.
 */
export function check(target: string): CheckResult {
  const p = plan(target);
  const outcomes: MeetingOutcome[] = [];
  const kept: MeetingPass[] = [];
  for (const task of p.tasks) {
    const pass = passMeeting(p.contentRoot, p.shared, task);
    outcomes.push(pass.outcome);
    if (task.checks) kept.push(pass);
  }
  const { findings, register, ekonomi, counts } = finish(p, outcomes, false);
  const meetings = kept.map(({ model, protocol }) => ({
    model,
    derived: deriveMeeting(model, {
      register,
      ...(ekonomi ? { ekonomi, registerSources: ekonomi.fromRegister } : {}),
      ...(protocol ? { protocol } : {}),
    }),
  }));
  return { findings, register, counts, meetings };
}

/** Loads, derives and checks the follow-up of one period (`2024-h2`) of a content folder. */
export function checkFollowUpPeriod(target: string, period: string): FollowUpCheck {
  const { register, meetings } = check(target);
  return checkPeriod(resolveMeetingDirs(target).contentRoot, period, register, meetings[0]?.model.forbund?.data);
}
