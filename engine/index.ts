// The library API: what the CLI, the tests and other programs call.
import { checkEconomy, checkMeeting } from './check/index.js';
import { sortFindings, type Finding } from './findings.js';
import { loadContent, type MeetingModel } from './load/content.js';

export interface CheckResult {
  findings: Finding[];
  meetings: MeetingModel[];
  /** Counted over the meetings that were checked. */
  counts: { meetings: number; ansokningar: number; arenden: number };
}

/**
 * Loads and checks a meeting folder, or every meeting of a content folder.
 * Throws ContentPathError when the path is neither.
 */
export function check(target: string): CheckResult {
  const { meetings, findings } = loadContent(target);
  const economy = meetings[0]?.ekonomi;
  const all = [...findings, ...meetings.flatMap(checkMeeting), ...(economy ? checkEconomy(economy) : [])];
  return {
    findings: sortFindings(all),
    meetings,
    counts: {
      meetings: meetings.length,
      ansokningar: meetings.reduce((n, m) => n + m.ansokningar.size, 0),
      arenden: meetings.reduce((n, m) => n + (m.mote?.data.dagordning.length ?? 0), 0),
    },
  };
}

export { ContentPathError } from './load/content.js';
export { CODES, countBySeverity, type Finding, type FindingCode } from './findings.js';
