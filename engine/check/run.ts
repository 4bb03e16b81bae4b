// The first stages of every command: load the content, derive what can be derived (once),
// and check it. Later stages (documents, writers, output) start from this result.
import { deriveMeeting, type CheckedMeeting } from '../derive/meeting.js';
import { sortFindings, type Finding } from '../findings.js';
import { loadContent } from '../load/content.js';
import { sum } from '../money.js';
import { checkEconomy, checkMeeting, checkProfile } from './index.js';

export interface CheckResult {
  findings: Finding[];
  meetings: CheckedMeeting[];
  /** Counted over the meetings that were checked. */
  counts: { meetings: number; ansokningar: number; arenden: number };
}

/**
 * Loads and checks a meeting folder, or every meeting of a content folder.
 * Throws ContentPathError when the path is neither.
 */
export function check(target: string): CheckResult {
  const loaded = loadContent(target);
  const meetings = loaded.value.map((model) => ({ model, derived: deriveMeeting(model) }));
  // The förbund and its economy are shared by every meeting: checked once.
  const { forbund, ekonomi } = loaded.value[0] ?? {};
  const all = [
    ...loaded.findings,
    ...meetings.flatMap(({ model, derived }) => checkMeeting(model, derived)),
    ...(forbund ? checkProfile(forbund) : []),
    ...(ekonomi ? checkEconomy(ekonomi) : []),
  ];
  return {
    findings: sortFindings(all),
    meetings,
    counts: {
      meetings: meetings.length,
      ansokningar: sum(meetings.map(({ model }) => model.ansokningar.size + model.broken.size)),
      arenden: sum(meetings.map(({ model }) => model.mote?.data.dagordning.length ?? 0)),
    },
  };
}
