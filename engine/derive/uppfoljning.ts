// What the half-year follow-up PM derives from the register and the insatser's reports: which
// insatser ran in the period, each report's register entry, the participants' totals and
// shares, the förbrukningskvot, and the named figures the PM's text cites as {{…}}.
import type { Value } from '../../schemas/document.js';
import { REGISTER_PLACE, type ByGender, type Uppfoljningsrapport } from '../../schemas/index.js';
import type { Loaded } from '../load/content.js';
import type { FollowUp, FollowUpPeriod } from '../load/uppfoljning.js';
import { ORE_PER, sum, wholePercent } from '../money.js';
import type { Figures, NamedFigure } from './figures.js';
import type { RegisterEntry } from './register.js';

export const PARTICIPANT_GROUPS = ['inregistrerade', 'avslutade', 'pågående', 'till_arbete_studier'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

export interface Gendered {
  kvinnor: number;
  män: number;
  totalt: number;
}

export interface FollowUpReport {
  slug: string;
  report: Loaded<Uppfoljningsrapport>;
  /** The register entry the report names; undefined when the register has none there. */
  entry?: RegisterEntry;
  /** The name the tables use: the report's kortnamn, else the register's name. */
  name: string;
  /** Utfall in öre, the unit of the report applied. */
  utfall?: { period: number; hittills: number; budgetPeriod?: number; budgetÅr?: number };
  /** The granted budget of the period's year, from the register (öre). */
  granted?: number;
  /** Utfall hittills i år against the register's budget for the year, in hundredths of a percent (whole percent). */
  kvot?: number;
}

export interface DerivedFollowUp {
  period: FollowUpPeriod;
  year: string;
  /** Every report, in the register's order, then those whose insats the register lacks. */
  reports: FollowUpReport[];
  /** Insatser of the register active in the period (started, not postponed). */
  active: FollowUpReport[];
  /** Register entries active in the period without a report. */
  unreported: RegisterEntry[];
  /** Participants summed over the reports, per group. */
  participants: Record<ParticipantGroup, Gendered>;
  /** Moved to new insatser, summed. */
  överförda: number;
  figures: Figures;
}

/** The register entry at a place «2023-12-07 § 74». */
export function entryAt(register: readonly RegisterEntry[], place: string): RegisterEntry | undefined {
  const match = REGISTER_PLACE.exec(place.trim());
  if (!match) return undefined;
  return register.find((entry) => entry.datum === match[1] && entry.paragraf === Number(match[2]));
}

/** An insats runs in the period when its decision's period overlaps it. */
export const activeIn = (entry: RegisterEntry, period: FollowUpPeriod): boolean =>
  entry.från <= period.till && entry.till >= period.från;

/** The total of a count as derived: kvinnor + män. */
export const totalOf = (group: ByGender): number => group.kvinnor + group.män;

function reportOf(slug: string, report: Loaded<Uppfoljningsrapport>, register: readonly RegisterEntry[], year: string) {
  const data = report.data;
  const entry = entryAt(register, data.beslut_i_registret);
  const scale = data.ekonomiskt_utfall ? ORE_PER[data.ekonomiskt_utfall.enhet] / 100 : 1;
  const utfall = data.ekonomiskt_utfall && {
    period: data.ekonomiskt_utfall.perioden * scale,
    hittills: data.ekonomiskt_utfall.hittills_i_år * scale,
    ...(data.ekonomiskt_utfall.budget_period !== undefined
      ? { budgetPeriod: data.ekonomiskt_utfall.budget_period * scale }
      : {}),
    ...(data.ekonomiskt_utfall.budget_år !== undefined ? { budgetÅr: data.ekonomiskt_utfall.budget_år * scale } : {}),
  };
  const granted = entry?.perYear[year];
  const kvot = utfall && granted ? wholePercent(utfall.hittills, granted) : undefined;
  const derived: FollowUpReport = {
    slug,
    report,
    name: data.tabellnamn ?? entry?.insats ?? slug,
    ...(entry ? { entry } : {}),
    ...(utfall ? { utfall } : {}),
    ...(granted !== undefined ? { granted } : {}),
    ...(kvot !== undefined ? { kvot } : {}),
  };
  return derived;
}

const count = (n: number, källa: string): NamedFigure => ({ value: { type: 'number', hundredths: n * 100 }, källa });

export function deriveFollowUp(followUp: FollowUp, register: readonly RegisterEntry[]): DerivedFollowUp {
  const { period } = followUp;
  const year = period.från.slice(0, 4);
  const reports = [...followUp.reports].map(([slug, report]) => reportOf(slug, report, register, year));
  const place = (r: FollowUpReport) => (r.entry ? register.indexOf(r.entry) : register.length);
  reports.sort((a, b) => place(a) - place(b) || a.slug.localeCompare(b.slug));
  const active = reports.filter((r) => r.entry && activeIn(r.entry, period) && !r.report.data.ej_startad);
  const reported = new Set(reports.map((r) => r.entry));
  const unreported = register.filter((entry) => activeIn(entry, period) && !reported.has(entry));
  const participants = Object.fromEntries(
    PARTICIPANT_GROUPS.map((group) => {
      const rows = active.flatMap((r) =>
        r.report.data.deltagarstatistik ? [r.report.data.deltagarstatistik[group]] : [],
      );
      const kvinnor = sum(rows.map((g) => g.kvinnor));
      const män = sum(rows.map((g) => g.män));
      return [group, { kvinnor, män, totalt: kvinnor + män }];
    }),
  ) as Record<ParticipantGroup, Gendered>;
  const överförda = sum(active.map((r) => r.report.data.deltagarstatistik?.överförda?.antal ?? 0));
  const källa = `uppfoljning/${period.name}/`;
  const quality = (pick: (r: FollowUpReport) => boolean) => active.filter(pick).length;
  const figures: Figures = {
    antal_insatser: count(active.length, `registret och ${källa}`),
    antal_individinsatser: count(
      quality((r) => r.report.data.typ === 'individinsats'),
      källa,
    ),
    antal_strukturinsatser: count(
      quality((r) => r.report.data.typ === 'strukturinsats'),
      källa,
    ),
    antal_avslutade: count(
      quality((r) => r.report.data.slutrapport),
      källa,
    ),
    antal_ej_startade: count(reports.filter((r) => r.report.data.ej_startad).length, källa),
    utan_ordinarie_representation: count(
      quality((r) => r.report.data.kvalitet?.representation === 'nej'),
      källa,
    ),
    avvikelser_budget: count(
      quality((r) => r.report.data.avvikelser.some((a) => a.område === 'budget')),
      källa,
    ),
    avvikelser_målgrupp_metod: count(
      quality(
        (r) =>
          r.report.data.kvalitet?.avvikelse_målgrupp_metod === 'ja' ||
          r.report.data.avvikelser.some((a) => a.område === 'målgrupp/metod'),
      ),
      källa,
    ),
    ...Object.fromEntries(PARTICIPANT_GROUPS.map((group) => [group, count(participants[group].totalt, källa)])),
    överförda: count(överförda, källa),
    pågående_inklusive_överförda: count(participants.pågående.totalt + överförda, källa),
  };
  return { period, year, reports, active, unreported, participants, överförda, figures };
}

/** A derived share as a value for a table cell: «62 %», or nothing when the whole is zero. */
export function shareValue(part: number, whole: number): Value | undefined {
  const hundredths = wholePercent(part, whole);
  return hundredths === undefined ? undefined : { type: 'percent', hundredths };
}
