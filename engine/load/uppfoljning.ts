// The follow-up reports of a period: content/uppfoljning/<period>.yaml (the PM's own text) and
// one report per insats in content/uppfoljning/<period>/, and the previous period's reports when the content has them (for the
// stock of participants that carries over).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  FOLLOW_UP_PERIOD,
  uppfoljningsperiodSchema,
  uppfoljningsrapportSchema,
  type Uppfoljningsperiod,
  type Uppfoljningsrapport,
} from '../../schemas/index.js';
import { UsageError } from '../errors.js';
import { result, type Result } from '../findings.js';
import { Loader, resolveMeetingDirs, type Loaded } from './content.js';

export interface FollowUpPeriod {
  /** «2024-h2». */
  name: string;
  från: string;
  till: string;
}

export interface FollowUp {
  period: FollowUpPeriod;
  periodFile?: Loaded<Uppfoljningsperiod>;
  /** Reports by file name (the insats' slug). */
  reports: Map<string, Loaded<Uppfoljningsrapport>>;
  /** The previous period's reports, when the content has them. */
  previous?: { period: FollowUpPeriod; reports: Map<string, Loaded<Uppfoljningsrapport>> };
}

/** «2024-h2» → 2024-07-01–2024-12-31; undefined for anything else. */
export function followUpPeriod(name: string): FollowUpPeriod | undefined {
  const match = FOLLOW_UP_PERIOD.exec(name);
  if (!match) return undefined;
  const year = match[1]!;
  return match[2] === '1'
    ? { name, från: `${year}-01-01`, till: `${year}-06-30` }
    : { name, från: `${year}-07-01`, till: `${year}-12-31` };
}

/** The half-year before: 2024-h2 → 2024-h1, 2025-h1 → 2024-h2. */
export function previousPeriod(period: FollowUpPeriod): FollowUpPeriod {
  const year = Number(period.name.slice(0, 4));
  return period.name.endsWith('h2') ? followUpPeriod(`${year}-h1`)! : followUpPeriod(`${year - 1}-h2`)!;
}

function loadReports(loader: Loader, dir: string): Map<string, Loaded<Uppfoljningsrapport>> {
  const reports = new Map<string, Loaded<Uppfoljningsrapport>>();
  if (!existsSync(dir)) return reports;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const loaded = loader.load(uppfoljningsrapportSchema, path.join(dir, name));
    if (loaded) reports.set(name.slice(0, -'.yaml'.length), loaded);
  }
  return reports;
}

/** Loads a period's follow-up from a content folder. Throws UsageError for a period that is not «ÅÅÅÅ-h1/h2». */
export function loadFollowUp(target: string, name: string): Result<FollowUp> {
  const period = followUpPeriod(name);
  if (!period) throw new UsageError(`perioden «${name}» ska skrivas ÅÅÅÅ-h1 eller ÅÅÅÅ-h2, t.ex. 2024-h2`);
  const { contentRoot } = resolveMeetingDirs(target);
  const dir = path.join(contentRoot, 'uppfoljning', name);
  if (!existsSync(dir)) throw new UsageError(`mappen ${path.join('uppfoljning', name)} finns inte i ${target}`);
  const loader = new Loader(contentRoot);
  const periodPath = path.join(contentRoot, 'uppfoljning', `${name}.yaml`);
  const periodFile = existsSync(periodPath) ? loader.load(uppfoljningsperiodSchema, periodPath) : undefined;
  const reports = loadReports(loader, dir);
  const before = previousPeriod(period);
  const beforeDir = path.join(contentRoot, 'uppfoljning', before.name);
  // The previous period is read silently: its findings belong to a check of that period.
  const previous = existsSync(beforeDir)
    ? { period: before, reports: loadReports(new Loader(contentRoot), beforeDir) }
    : undefined;
  return result(
    { period, ...(periodFile ? { periodFile } : {}), reports, ...(previous ? { previous } : {}) },
    loader.findings,
  );
}
