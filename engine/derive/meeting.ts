// Everything derived from one meeting's validated content, computed once per run: the
// numbered agenda, the decision of every ansökan ärende, the sammanställning, the economy
// table and the figures texts may cite. Checks and documents read it; none recomputes it.
import type { Ansokan, Arende, Ekonomi } from '../../schemas/index.js';
import type { Loaded, MeetingModel } from '../load/content.js';
import { locate } from '../load/source.js';
import { sum } from '../money.js';
import { numberAgenda, type NumberedItem } from './agenda.js';
import { deriveDecision, type Decision } from './decision.js';
import { economyTable, type EconomyTable, type PendingRow } from './economy.js';
import { meetingFigures, ownFigures, type Figures } from './figures.js';
import type { DerivedProtocol } from './protocol.js';
import type { RegisterEntry } from './register.js';

export interface DecidedAnsokan {
  /** The ärende's file name without .yaml. */
  slug: string;
  arende: Loaded<Arende>;
  ansokan: Loaded<Ansokan>;
  decision: Decision;
}

export interface ApplicationSummary {
  rows: DecidedAnsokan[];
  sökt: number;
  justeringar: number;
  beviljat: number;
}

export interface DerivedMeeting {
  /** The föredragningslista, numbered, with each item's bilaga numbers; empty without mote.yaml. */
  agenda: NumberedItem[];
  /** The decision of every ärende that decides on a loaded ansökan, by the ärende's slug. */
  decisions: ReadonlyMap<string, DecidedAnsokan>;
  /** The ansökningar decided at the meeting, in agenda order, with their totals. */
  summary: ApplicationSummary;
  economy?: EconomyTable;
  /** The figures each ärende's texts may cite as {{name}}, by the ärende's slug. */
  figures: ReadonlyMap<string, Figures>;
  /** The protokoll read against the agenda, once the meeting has one. */
  protocol?: DerivedProtocol;
  /** The register of decisions of the whole content. */
  register: readonly RegisterEntry[];
}

/** What spans the meetings of the content: the economy with its granted insatser from the register, the protokoll. */
export interface ContentContext {
  ekonomi?: Loaded<Ekonomi>;
  /** For granted rows taken from the register: where the decision is written, by row index. */
  registerSources?: ReadonlyMap<number, string>;
  protocol?: DerivedProtocol;
  register: readonly RegisterEntry[];
}

/** A loaded meeting and what was derived from it, once: what every later stage reads. */
export interface CheckedMeeting {
  model: MeetingModel;
  derived: DerivedMeeting;
}

const where = (file: string, line: number) => `${file}:${line}`;

const decidedOnce = new WeakMap<MeetingModel, Map<string, DecidedAnsokan>>();

/** The decision of every ansökan ärende of a meeting, derived once per loaded meeting. */
export function decisions(meeting: MeetingModel): Map<string, DecidedAnsokan> {
  const known = decidedOnce.get(meeting);
  if (known) return known;
  const result = new Map<string, DecidedAnsokan>();
  decidedOnce.set(meeting, result);
  for (const [slug, arende] of meeting.arenden) {
    const ansokan = arende.data.ansökan ? meeting.ansokningar.get(arende.data.ansökan) : undefined;
    if (ansokan) result.set(slug, { slug, arende, ansokan, decision: deriveDecision(ansokan.data, arende.data) });
  }
  return result;
}

function summarize(meeting: MeetingModel, decided: ReadonlyMap<string, DecidedAnsokan>): ApplicationSummary {
  const agenda = meeting.mote?.data.dagordning.flatMap((item) => (item.ärende ? [item.ärende] : [])) ?? [];
  const rows = [...new Set(agenda)].flatMap((slug) => {
    const row = decided.get(slug);
    return row ? [row] : [];
  });
  const total = (pick: (d: Decision) => number) => sum(rows.map((row) => pick(row.decision)));
  return {
    rows,
    sökt: total((d) => d.sökt),
    justeringar: total((d) => d.justeringar),
    beviljat: total((d) => d.beviljat),
  };
}

/** The meeting's grants per party and column of the economy table. */
function pendingRows(meeting: MeetingModel, summary: ApplicationSummary): PendingRow[] {
  const columns = meeting.ekonomi?.data.kolumner ?? [];
  return summary.rows.flatMap(({ ansokan, decision }) =>
    Object.entries(decision.perPartyAndYear)
      .filter(([, years]) => Object.values(years).some((v) => v !== 0))
      .map(([party, years]) => ({
        label: `${ansokan.data.insats} (${party})`,
        ore: columns.map((column) => years[String(column.år)] ?? 0),
        källa: where(ansokan.source.file, locate(ansokan.source, ['budget', 'rekvirera']).line),
        spreadByDays: decision.spreadByDays.length > 0,
      })),
  );
}

export function deriveMeeting(
  meeting: MeetingModel,
  context: ContentContext = { ekonomi: meeting.ekonomi, register: [] },
): DerivedMeeting {
  const decided = decisions(meeting);
  const summary = summarize(meeting, decided);
  const ekonomi = context.ekonomi;
  const economy = ekonomi
    ? economyTable(
        ekonomi.data,
        (path) =>
          (path[0] === 'samverkansinsatser' && path[1] === 'beviljade' && typeof path[2] === 'number'
            ? context.registerSources?.get(path[2])
            : undefined) ?? where(ekonomi.source.file, locate(ekonomi.source, path).line),
        pendingRows(meeting, summary),
      )
    : undefined;
  const shared = meetingFigures(summary, economy, ekonomi);
  const figures = new Map<string, Figures>();
  for (const slug of meeting.arenden.keys()) {
    const own = decided.get(slug);
    figures.set(slug, own ? { ...shared, ...ownFigures(own) } : shared);
  }
  return {
    agenda: meeting.mote ? numberAgenda(meeting.mote.data, meeting.arenden) : [],
    decisions: decided,
    summary,
    ...(economy ? { economy } : {}),
    figures,
    ...(context.protocol ? { protocol: context.protocol } : {}),
    register: context.register,
  };
}
