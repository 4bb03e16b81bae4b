// A synthetic archive for the benchmarks: the example förbund (forbund.yaml, ekonomi.yaml,
// beslut.yaml, uppfoljning/) with N meetings, each a copy of the example meeting of 2024-09-12
// with its protokoll. The board meets every weekday from 12 to 25 September (ten meetings a
// year, as the days fell in 2024), the newest year 2024 and each further ten meetings a year
// earlier (1 000 meetings: 1925–2024), so the § numbers run on within a year. Years stay
// within 1900–2099, which per_år keys must.
//
// No two meetings have a byte-identical file, so that a cache keyed on file contents cannot
// deduplicate them: every year in a meeting's files is shifted by the meeting's year (dates,
// periods, per_år keys, years in the text), the meeting's own dates follow its day, and every
// ärende and ansökan carries the meeting's number in its text. The shift keeps every date in
// the same relation to the meeting and to the calendar year (periods still start on 1 January,
// registerstudien still starts before the meeting, nothing else does), so each meeting has the
// example's size (11 ansökningar, 19 ärenden) and own findings (19 fel, 3 varningar), apart
// from what spans meetings and sees every meeting's decisions: the register and through it the
// economy, and the follow-up, which lacks reports for the decisions of other meetings whose
// periods reach into 2024-h2 or 2025-h1.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const EXAMPLE = path.resolve('content');
const MEETING = '2024-09-12';
const LAST_YEAR = 2024;
/**
 * Meeting days of a year: the weekdays 12–25 September 2024, as month and day. They all lie
 * between the start of registerstudien (1 September) and of Samordnat stöd (1 October), so
 * the same insatser start before their meeting as in the example.
 */
const DAYS = ['09-12', '09-13', '09-16', '09-17', '09-18', '09-19', '09-20', '09-23', '09-24', '09-25'];
/** The first § of the year's first meeting, as in the example: 2024-09-12 keeps its § 38–56. */
const FIRST_PARAGRAPH = 38;
const MONTHS = 'januari februari mars april maj juni juli augusti september oktober november december'.split(' ');

export interface SyntheticMeeting {
  /** 1-based number of the meeting in the archive. */
  number: number;
  date: string;
  /** Path relative to the archive root: moten/<date>. */
  dir: string;
}

/** The i-th meeting (0-based) of a synthetic archive: 2024-09-12, 2024-09-13, … 2023-09-12, … */
export function meetingOf(index: number): SyntheticMeeting {
  const date = `${LAST_YEAR - Math.floor(index / DAYS.length)}-${DAYS[index % DAYS.length]!}`;
  return { number: index + 1, date, dir: path.join('moten', date) };
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** «26 september 2024». */
const spelledDate = (date: string) =>
  `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]!} ${date.slice(0, 4)}`;

/**
 * Every year in a file shifted by `years`: in dates, per_år keys and prose, but not in a slug
 * (ansokningar-2025), a {{figur_2024}} or an SFS number (2009:400).
 */
const shiftYears = (text: string, years: number) =>
  years === 0 ? text : text.replace(/(?<![\w-])(19[5-9]\d|20\d\d)(?!\d|:\d)/g, (year) => String(Number(year) + years));

/** A sentence with the meeting's number at the start of the file's main text block. */
function numbered(text: string, key: string, meeting: SyntheticMeeting): string {
  const line = new RegExp(`^${key}: [|>]-?\\n( +)`, 'm');
  const match = line.exec(text);
  if (!match) throw new Error(`ingen ${key} att numrera`);
  const at = match.index + match[0].length;
  const sentence = `Syntetisk kopia för prestandamätningen, sammanträde nummer ${meeting.number}.`;
  return `${text.slice(0, at)}${sentence}\n${match[1]}${text.slice(at)}`;
}

interface Source {
  mote: string;
  protokoll: string;
  arenden: Map<string, string>;
  ansokningar: Map<string, string>;
}

function readDir(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

function readSource(): Source {
  const dir = path.join(EXAMPLE, 'moten', MEETING);
  return {
    mote: readFileSync(path.join(dir, 'mote.yaml'), 'utf8'),
    protokoll: readFileSync(path.join(dir, 'protokoll.yaml'), 'utf8'),
    arenden: readDir(path.join(dir, 'arenden')),
    ansokningar: readDir(path.join(dir, 'ansokningar')),
  };
}

/** Writes meeting `index` of the archive under root. */
export function writeMeeting(root: string, index: number, source: Source = readSource()): SyntheticMeeting {
  const meeting = meetingOf(index);
  const years = Number(meeting.date.slice(0, 4)) - LAST_YEAR;
  // The meeting's own dates, in 2024 before the years are shifted: the justering two weeks
  // after the meeting, the anslag the day after.
  const day = `${LAST_YEAR}-${meeting.date.slice(5)}`;
  const justering = addDays(day, 14);
  const own = new Map([
    [MEETING, day],
    ['2024-09-26', justering],
    ['2024-09-27', addDays(justering, 1)],
    ['26 september 2024', spelledDate(justering)],
  ]);
  const target = path.join(root, meeting.dir);
  const ownDates = (text: string) =>
    text.replace(/2024-09-12|2024-09-26|2024-09-27|26 september 2024/g, (found) => own.get(found)!);
  const mote = shiftYears(ownDates(source.mote), years);
  // The year's first meeting continues from protokoll not in the archive, like the example;
  // the others leave the first § to the engine.
  const first =
    index % DAYS.length === 0
      ? `första_paragraf: ${FIRST_PARAGRAPH}`
      : '# Numreringen fortsätter från årets föregående protokoll.';
  const protokoll = shiftYears(ownDates(source.protokoll), years).replace(/^första_paragraf: \d+$/m, first);
  mkdirSync(path.join(target, 'arenden'), { recursive: true });
  mkdirSync(path.join(target, 'ansokningar'), { recursive: true });
  writeFileSync(path.join(target, 'mote.yaml'), mote);
  writeFileSync(path.join(target, 'protokoll.yaml'), protokoll);
  for (const [name, text] of source.arenden)
    writeFileSync(path.join(target, 'arenden', name), numbered(shiftYears(ownDates(text), years), 'ärendet', meeting));
  for (const [name, text] of source.ansokningar)
    writeFileSync(
      path.join(target, 'ansokningar', name),
      numbered(shiftYears(ownDates(text), years), 'bakgrund', meeting),
    );
  return meeting;
}

/** A fresh archive with `meetings` meetings in a temporary folder; returns its root. */
export function syntheticArchive(meetings: number): string {
  const root = mkdtempSync(path.join(tmpdir(), `handlingar-arkiv-${meetings}-`));
  for (const file of ['forbund.yaml', 'ekonomi.yaml', 'beslut.yaml'])
    cpSync(path.join(EXAMPLE, file), path.join(root, file));
  cpSync(path.join(EXAMPLE, 'uppfoljning'), path.join(root, 'uppfoljning'), { recursive: true });
  const source = readSource();
  for (let i = 0; i < meetings; i++) writeMeeting(root, i, source);
  return root;
}
