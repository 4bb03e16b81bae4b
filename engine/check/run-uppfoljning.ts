// The follow-up of a period (`2024-h2`): its reports, what they derive against the register of
// decisions, and what the checks find. `check` of a content folder runs it for every period.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FOLLOW_UP_PERIOD, type Forbund } from '../../schemas/index.js';
import { deriveFollowUp, type DerivedFollowUp } from '../derive/uppfoljning.js';
import type { RegisterEntry } from '../derive/register.js';
import { sortFindings, type Finding } from '../findings.js';
import { loadFollowUp, type FollowUp } from '../load/uppfoljning.js';
import { checkFollowUp } from './uppfoljning.js';

export interface FollowUpCheck {
  findings: Finding[];
  followUp: FollowUp;
  derived: DerivedFollowUp;
  register: readonly RegisterEntry[];
  forbund?: Forbund;
}

/** The periods a content folder has reports for (uppfoljning/2024-h2/, …), in order. */
export function followUpPeriods(contentRoot: string): string[] {
  const dir = path.join(contentRoot, 'uppfoljning');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && FOLLOW_UP_PERIOD.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Loads, derives and checks one period's follow-up against the register of decisions. */
export function checkPeriod(
  contentRoot: string,
  period: string,
  register: readonly RegisterEntry[],
  forbund: Forbund | undefined,
): FollowUpCheck {
  const loaded = loadFollowUp(contentRoot, period);
  const derived = deriveFollowUp(loaded.value, register);
  const findings = sortFindings([...loaded.findings, ...checkFollowUp(loaded.value, derived, forbund)]);
  return { findings, followUp: loaded.value, derived, register, ...(forbund ? { forbund } : {}) };
}
