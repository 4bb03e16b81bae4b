// All reconciliation checks of a loaded meeting, in one call.
import type { Finding } from '../findings.js';
import type { MeetingModel } from '../load/content.js';
import { checkAgenda } from './agenda.js';
import { checkBudget } from './budget.js';
import { checkDates } from './dates.js';
import { checkDecisions } from './decision.js';
import { checkProse } from './prose.js';

export function checkMeeting(meeting: MeetingModel): Finding[] {
  return [
    ...checkAgenda(meeting),
    ...checkDates(meeting),
    ...checkDecisions(meeting),
    ...checkProse(meeting),
    ...[...meeting.ansokningar.values()].flatMap(checkBudget),
  ];
}

export { checkEconomy } from './economy.js';
