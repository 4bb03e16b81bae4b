// All reconciliation checks of a loaded meeting, in one call. Checks read the validated
// model and what was derived from it once; they derive nothing themselves.
import type { DerivedMeeting } from '../derive/meeting.js';
import type { Finding } from '../findings.js';
import type { MeetingModel } from '../load/content.js';
import { checkAgenda } from './agenda.js';
import { checkBudget } from './budget.js';
import { checkDates } from './dates.js';
import { checkDecisions } from './decision.js';
import { checkFinancing } from './financing.js';
import { checkAgainstProfile } from './profile.js';
import { checkDuplicates } from './duplicates.js';
import { checkPlausible } from './plausible.js';
import { checkProse } from './prose.js';
import { checkProtocol } from './protocol.js';
import { checkPrivacy } from './privacy.js';

export function checkMeeting(meeting: MeetingModel, derived: DerivedMeeting): Finding[] {
  return [
    ...checkAgenda(meeting, derived),
    ...checkDates(meeting),
    ...checkDecisions(derived),
    ...checkProse(meeting, derived),
    ...checkAgainstProfile(meeting),
    ...[...meeting.ansokningar.values(), ...meeting.budgets.values()].flatMap((ansokan) => [
      ...checkBudget(ansokan),
      ...checkFinancing(ansokan),
    ]),
    ...checkDuplicates(meeting),
    ...checkPlausible(meeting, derived),
    ...checkProtocol(meeting, derived),
    ...checkPrivacy(meeting, derived),
  ];
}

export { checkEconomy } from './economy.js';
export { checkProfile } from './profile.js';
export { checkRegister } from './protocol.js';
