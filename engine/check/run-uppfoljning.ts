// The first stages of `handlingar uppfoljning`: the content's register of decisions (as
// `check` builds it), the period's reports, what they derive and what the checks find.
import { deriveFollowUp, type DerivedFollowUp } from '../derive/uppfoljning.js';
import type { RegisterEntry } from '../derive/register.js';
import { sortFindings, type Finding } from '../findings.js';
import { loadFollowUp, type FollowUp } from '../load/uppfoljning.js';
import type { Forbund } from '../../schemas/index.js';
import { checkFollowUp } from './uppfoljning.js';
import { check } from './run.js';

export interface FollowUpCheck {
  findings: Finding[];
  followUp: FollowUp;
  derived: DerivedFollowUp;
  register: readonly RegisterEntry[];
  forbund?: Forbund;
}

/** Loads, derives and checks the follow-up of one period (`2024-h2`) of a content folder. */
export function checkFollowUpPeriod(target: string, period: string): FollowUpCheck {
  const { register, meetings } = check(target);
  const loaded = loadFollowUp(target, period);
  const derived = deriveFollowUp(loaded.value, register);
  const forbund = meetings[0]?.model.forbund?.data;
  const findings = sortFindings([...loaded.findings, ...checkFollowUp(loaded.value, derived, forbund)]);
  return { findings, followUp: loaded.value, derived, register, ...(forbund ? { forbund } : {}) };
}
