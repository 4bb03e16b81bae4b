// The register of decisions: every insats the förbund granted, with § and amounts per year —
// the earlier decisions of beslut.yaml and every beviljat decision in the content's protokoll.
// The ekonomisk information takes its granted insatser from it.
import type { Ekonomi } from '../../schemas/index.js';
import type { Loaded, MeetingModel } from '../load/content.js';
import { locate } from '../load/source.js';
import { sum } from '../money.js';
import type { DerivedProtocol } from './protocol.js';

export interface RegisterEntry {
  insats: string;
  insatsägare: string;
  organ: string;
  /** The meeting's date. */
  datum: string;
  paragraf: number;
  från: string;
  till: string;
  /** The granted total, in öre. */
  beviljat: number;
  /** Öre per year. */
  perYear: Record<string, number>;
  /** Where the decision is written: file:line. */
  källa: string;
}

/** Names compared as a person types them: case and spacing aside. */
export const sameName = (a: string, b: string): boolean =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** The decisions taken before the förbund used handlingar (beslut.yaml), as register entries. */
export function earlierEntries(earlier: MeetingModel['beslut']): RegisterEntry[] {
  if (!earlier) return [];
  const { data, source } = earlier;
  return data.beslut.map((decision, index) => {
    const perYear = Object.fromEntries(Object.entries(decision.per_år).sort());
    return {
      insats: decision.insats,
      insatsägare: decision.insatsägare,
      organ: decision.organ ?? 'Förbundsstyrelsen',
      datum: decision.datum,
      paragraf: decision.paragraf,
      från: decision.period.från,
      till: decision.period.till,
      beviljat: decision.belopp ?? sum(Object.values(perYear)),
      perYear,
      källa: `${source.file}:${locate(source, ['beslut', index]).line}`,
    };
  });
}

/** The grants a meeting's protokoll decides, as register entries. */
export function meetingEntries(model: MeetingModel, protocol: DerivedProtocol | undefined): RegisterEntry[] {
  if (!protocol || !model.mote) return [];
  const entries: RegisterEntry[] = [];
  for (const paragraph of protocol.paragraphs) {
    const decided = paragraph.decided;
    if (!decided) continue;
    const perYear: Record<string, number> = {};
    for (const years of Object.values(decided.decision.perPartyAndYear))
      for (const [year, ore] of Object.entries(years)) if (ore !== 0) perYear[year] = (perYear[year] ?? 0) + ore;
    entries.push({
      insats: decided.ansokan.data.insats,
      insatsägare: decided.ansokan.data.insatsägare,
      organ: model.mote.data.organ,
      datum: model.mote.data.datum,
      paragraf: paragraph.nr,
      från: decided.decision.från,
      till: decided.decision.till,
      beviljat: decided.decision.beviljat,
      perYear: Object.fromEntries(Object.entries(perYear).sort()),
      källa: `${protocol.protokoll.source.file}:${locate(protocol.protokoll.source, ['paragrafer', paragraph.index]).line}`,
    });
  }
  return entries;
}

/** The register in its order: by date, then paragraph; entries of the same § keep their order. */
export const sortRegister = (entries: RegisterEntry[]): RegisterEntry[] =>
  entries.sort((a, b) => a.datum.localeCompare(b.datum) || a.paragraf - b.paragraf);

export function buildRegister(
  meetings: readonly { model: MeetingModel; protocol?: DerivedProtocol }[],
  earlier: MeetingModel['beslut'],
): RegisterEntry[] {
  return sortRegister([
    ...earlierEntries(earlier),
    ...meetings.flatMap(({ model, protocol }) => meetingEntries(model, protocol)),
  ]);
}

/** The register's decisions the economy knows of: those taken on or before its date. */
export const decidedBy = (register: readonly RegisterEntry[], per: string): RegisterEntry[] =>
  register.filter((entry) => entry.datum <= per);

/** The register entry a granted row of ekonomi.yaml names, by insats and insatsägare. */
export function entryOf(
  register: readonly RegisterEntry[],
  row: { insats: string; insatsägare?: string | undefined },
): RegisterEntry | undefined {
  return register.find(
    (entry) =>
      sameName(entry.insats, row.insats) &&
      (row.insatsägare === undefined || sameName(entry.insatsägare, row.insatsägare)),
  );
}

/**
 * The economy with its granted insatser from the register: a row that names an insats and
 * no amounts takes the register's amounts per year of the table's columns; a row with amounts
 * stays as typed (the check compares it); a decision the rows do not name is added at the end.
 */
export interface EconomyFromRegister extends Loaded<Ekonomi> {
  /** Where each granted row whose amounts come from the register was decided (file:line), by row index. */
  fromRegister: ReadonlyMap<number, string>;
}

export function economyFromRegister(ekonomi: Loaded<Ekonomi>, register: readonly RegisterEntry[]): EconomyFromRegister {
  const e = ekonomi.data;
  const known = decidedBy(register, e.per);
  const used = new Set<RegisterEntry>();
  const fromEntry = (entry: RegisterEntry) => e.kolumner.map((column) => entry.perYear[String(column.år)] ?? null);
  const fromRegister = new Map<number, string>();
  const rows = e.samverkansinsatser.beviljade.map((row, index) => {
    const entry = entryOf(known, row);
    if (entry) used.add(entry);
    if (row.belopp || !entry) return row;
    fromRegister.set(index, entry.källa);
    return { ...row, belopp: fromEntry(entry) };
  });
  const touchesTable = (entry: RegisterEntry) => e.kolumner.some((column) => entry.perYear[String(column.år)]);
  for (const entry of known)
    if (!used.has(entry) && touchesTable(entry)) {
      fromRegister.set(rows.length, entry.källa);
      rows.push({ insats: entry.insats, insatsägare: entry.insatsägare, belopp: fromEntry(entry) });
    }
  return {
    source: ekonomi.source,
    data: { ...e, samverkansinsatser: { ...e.samverkansinsatser, beviljade: rows } },
    fromRegister,
  };
}
