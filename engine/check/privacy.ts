// The privacy guard: what must not be published on the web. Personnummer and
// samordningsnummer in any form (checked with the Luhn digit, so that ordinary numbers are not
// flagged), phone numbers and e-mail addresses that are not the förbund's own published
// contacts, and the names of the individuals an ärende concerns. Warnings in `check`; the
// site refuses to publish while any remain (publicera makes them errors). A finding is
// accepted only by a note in the content naming who decided: publicering: { godkänt_av, skäl }.
import type { Forbund, Publicering } from '../../schemas/index.js';
import type { DerivedMeeting } from '../derive/meeting.js';
import { publicationPlan, withheldReason } from '../derive/publication.js';
import { findingAt, type Finding, type FindingCode } from '../findings.js';
import type { Loaded, MeetingModel } from '../load/content.js';
import { locate, type Path, type SourceFile } from '../load/source.js';

export interface Match {
  code: FindingCode;
  /** Offset and length in the text. */
  index: number;
  text: string;
  /** How the finding shows it: masked for identity numbers. */
  shown: string;
}

const luhn = (digits: string): boolean => {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    total += product > 9 ? product - 9 : product;
  }
  return total % 10 === 0;
};

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYMMDD-NNNC with or without century, dash, plus or a space before the last four. */
const IDENTITY = /(?<![\d-])(18|19|20)?(\d{2})(\d{2})(\d{2}) ?([-+])? ?(\d{4})(?![\d])/g;

/** The masked form shown in findings: the century (if written) and never another digit. */
export const maskIdentity = (century: string | undefined, separator: string | undefined): string =>
  `${century ?? ''}XXXXXX${separator === '+' ? '+' : '-'}XXXX`;

/** What every identity number holds: six digits in a row (YYMMDD). */
const SIX_DIGITS = /\d{6}/;

/** Personnummer and samordningsnummer in a text. */
export function findIdentityNumbers(text: string): Match[] {
  // The pre-test is far cheaper than IDENTITY, and most texts have no six digits in a row.
  if (!SIX_DIGITS.test(text)) return [];
  const matches: Match[] = [];
  for (const m of text.matchAll(IDENTITY)) {
    const [whole, century, yy, mm, dd, separator, last] = m;
    const month = Number(mm);
    let day = Number(dd);
    const coordination = day > 60;
    if (coordination) day -= 60;
    if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) continue;
    if (!luhn(`${yy}${mm}${dd}${last}`)) continue;
    matches.push({
      code: coordination ? 'integritet.samordningsnummer' : 'integritet.personnummer',
      index: m.index,
      text: whole,
      shown: maskIdentity(century, separator),
    });
  }
  return matches;
}

/** Masks every identity number in a line, for showing it in a finding. */
export const maskLine = (line: string): string => {
  let masked = line;
  for (const match of findIdentityNumbers(line).reverse())
    masked = masked.slice(0, match.index) + match.shown + masked.slice(match.index + match.text.length);
  return masked;
};

/** A Swedish phone number: 070-123 45 67, 08-123 456 78, +46 70 123 45 67, 018-12 34 56. */
const PHONE = /(?<![\w+\d-])(?:\+46|0046|0)[ -]?(?:\(0\))?[ -]?[1-9](?:[ -]?\d){6,10}(?![\d])/g;
const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;

/** Functional addresses of an organisation, not of a person. */
const FUNCTIONAL = /^(info|registrator|registratur|kansli|kontakt|post|diarium|vaxel|växel|noreply|no-reply)$/i;

/** A phone number as digits, +46 written as 0: what two ways of writing one number share. */
export const phoneDigits = (text: string): string => text.replace(/\D/g, '').replace(/^(0046|46)/, '0');

/**
 * At least eight digits (what \d matches) anywhere in a text. Linear: the pattern starts only
 * at a digit and fails only when fewer than eight digits follow it.
 */
const EIGHT_DIGITS = /\d(?:\D*\d){7}/;

/**
 * Phone numbers and e-mail addresses that are not the förbund's own. `identities` are the
 * text's identity numbers (a phone number inside one is not reported); a caller that has
 * already found them passes them, so that the text is not scanned for them twice.
 */
export function findContacts(
  text: string,
  allowed: { phones: Set<string>; emails: Set<string> },
  identities: readonly Match[] = findIdentityNumbers(text),
): Match[] {
  const matches: Match[] = [];
  // A phone number that is reported has at least 8 digits; an address has an @. The
  // pre-tests spare most texts the two expensive patterns without changing what they find.
  if (EIGHT_DIGITS.test(text)) {
    const taken = identities.map((m) => [m.index, m.index + m.text.length] as const);
    const overlaps = (start: number, end: number) => taken.some(([a, b]) => start < b && end > a);
    for (const m of text.matchAll(PHONE)) {
      const digits = phoneDigits(m[0]);
      if (digits.length < 8 || digits.length > 11 || overlaps(m.index, m.index + m[0].length)) continue;
      if (allowed.phones.has(digits)) continue;
      matches.push({ code: 'integritet.telefon', index: m.index, text: m[0], shown: m[0] });
    }
  }
  // The address pattern (Unicode classes, tried at every letter) is costly; most texts have no @.
  if (!text.includes('@')) return matches;
  for (const m of text.matchAll(EMAIL)) {
    const address = m[0].toLowerCase();
    if (allowed.emails.has(address) || FUNCTIONAL.test(address.split('@')[0]!)) continue;
    matches.push({ code: 'integritet.e-post', index: m.index, text: m[0], shown: m[0] });
  }
  return matches;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A finder of the names as whole words, in any case; each name's pattern is built once, not per text. */
export function nameFinder(names: readonly string[]): (text: string) => Match[] {
  const patterns = names.map(
    (name) => [name, new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(name)}(?![\\p{L}\\d])`, 'giu')] as const,
  );
  // matchAll works on a copy of the pattern, so one pattern serves every text.
  if (patterns.length === 0) return () => [];
  return (text) =>
    patterns.flatMap(([name, pattern]) =>
      [...text.matchAll(pattern)].map((m) => ({
        code: 'integritet.namn' as const,
        index: m.index,
        text: m[0],
        shown: name,
      })),
    );
}

export const findNames = (text: string, names: readonly string[]): Match[] => nameFinder(names)(text);

/** The profile's published contacts: the förbund's own, and the kansli's work contacts. */
export function allowedContacts(forbund: Forbund | undefined): { phones: Set<string>; emails: Set<string> } {
  const phones = new Set<string>();
  const emails = new Set<string>();
  const add = (contact: { telefon?: string; e_post?: string } | undefined) => {
    if (contact?.telefon) phones.add(phoneDigits(contact.telefon));
    if (contact?.e_post) emails.add(contact.e_post.toLowerCase());
  };
  add(forbund?.kontakt);
  forbund?.kansli.forEach(add);
  return { phones, emails };
}

/** Keys whose text is never published: publication notes, the names to look for, handläggare notes. */
const UNPUBLISHED_KEYS = new Set(['publicering', 'sekretess', 'rör_enskilda']);

interface Scan {
  loaded: Loaded<unknown>;
  /** Parts of the file that are withheld: not scanned. */
  skip: (path: Path) => boolean;
}

/** Whether a finding with this code at this path is accepted by a note on it or an enclosing part. */
function accepted(data: unknown, path: Path, code: FindingCode): boolean {
  let node: unknown = data;
  for (let depth = 0; depth <= path.length; depth++) {
    if (node && typeof node === 'object' && 'publicering' in node) {
      const note = (node as { publicering?: Publicering }).publicering;
      if (note?.godkänt_av && (!note.gäller || note.gäller.includes(code))) return true;
    }
    if (depth === path.length || !node || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[path[depth]!];
  }
  return false;
}

/** Where a match is in the file: on the value's line or a later one (block text), else at the value. */
function position(source: SourceFile, path: Path, match: Match) {
  const start = locate(source, path);
  for (let line = start.line; line <= Math.min(source.lines.length, start.line + 400); line++) {
    const text = source.lines[line - 1]!;
    const column = text.indexOf(match.text, line === start.line ? start.column - 1 : 0);
    if (column >= 0) return { file: source.file, line, column: column + 1, excerpt: maskLine(text) };
  }
  return { ...start, excerpt: maskLine(start.excerpt ?? '') };
}

const LABEL: Record<string, string> = {
  'integritet.personnummer': 'ett personnummer',
  'integritet.samordningsnummer': 'ett samordningsnummer',
  'integritet.telefon': 'ett telefonnummer som inte står i förbundets profil',
  'integritet.e-post': 'en e-postadress som inte står i förbundets profil',
  'integritet.namn': 'namnet på en enskild som ett ärende rör',
};

const HINT =
  'Ta bort uppgiften, håll inne handlingen (sekretess: { referens: … } eller publicering: { publiceras: nej, skäl: … }), eller låt den som beslutat godkänna den: publicering: { godkänt_av: …, skäl: … }.';

function scanFile({ loaded, skip }: Scan, find: (text: string) => Match[], findings: Finding[]): void {
  // One path, extended and shortened as the walk goes down and up: no array per value. It is
  // only read (skip, accepted, position) while it holds the value's path, never kept.
  const path: (string | number)[] = [];
  const walk = (value: unknown) => {
    if (skip(path)) return;
    const key = path.at(-1);
    if (typeof key === 'string' && UNPUBLISHED_KEYS.has(key)) return;
    // A budget line's plain anmärkning is the handläggare's and is never printed.
    if (key === 'anmärkning' && typeof value === 'string') return;
    if (typeof value === 'string') {
      for (const match of find(value)) {
        if (accepted(loaded.data, path, match.code)) continue;
        const where = match.code === 'integritet.namn' ? `«${match.shown}»` : match.shown;
        findings.push(
          findingAt(
            match.code,
            position(loaded.source, path, match),
            `${LABEL[match.code]} (${where}) står i en text som publiceras`,
            { hint: HINT },
          ),
        );
      }
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        walk(value[index]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      for (const name of Object.keys(value)) {
        path.push(name);
        walk((value as Record<string, unknown>)[name]);
        path.pop();
      }
    }
  };
  walk(loaded.data);
}

export function checkPrivacy(meeting: MeetingModel, derived: DerivedMeeting): Finding[] {
  const plan = publicationPlan(meeting, derived);
  const allowed = allowedContacts(meeting.forbund?.data);
  const names = [...meeting.arenden.values()].flatMap((a) => a.data.rör_enskilda?.deltagare ?? []);
  const findNamesIn = nameFinder(names);
  const find = (text: string): Match[] => {
    const identities = findIdentityNumbers(text);
    const contacts = findContacts(text, allowed, identities);
    const named = findNamesIn(text);
    // Nearly every text has none of them: no new array for it.
    if (contacts.length === 0 && named.length === 0) return identities;
    return [...identities, ...contacts, ...named];
  };
  const findings: Finding[] = [];
  const scans: Scan[] = [];
  if (meeting.mote) scans.push({ loaded: meeting.mote, skip: () => false });
  for (const [slug, arende] of meeting.arenden) {
    if (plan.arendeReason(slug)) continue;
    const bilagor = arende.data.bilagor;
    scans.push({
      loaded: arende,
      skip: (path) =>
        path.length === 2 && path[0] === 'bilagor' && withheldReason(bilagor[path[1] as number]) !== undefined,
    });
  }
  for (const [slug, ansokan] of meeting.ansokningar)
    if (!plan.ansokanReason(slug)) scans.push({ loaded: ansokan, skip: () => false });
  for (const scan of scans) scanFile(scan, find, findings);
  return findings;
}
