// `handlingar ny …`: new content files that pass the schema, with every required field present
// and marked «FYLL I» for the author. Existing files are never overwritten.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, parseDocument } from 'yaml';
import { isCalendarDate } from '../../schemas/primitives.js';
import { FILL_IN } from '../load/placeholders.js';
import { ContentPathError, resolveMeetingDirs } from '../load/content.js';
import { writeAtomically } from './write.js';

/** ASCII kebab-case from a Swedish title: "Ansökan Växtkraft – Enköping" → "ansokan-vaxtkraft-enkoping". */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The file name for a title, or a refusal when the title has no letter or digit to name it by. */
function slugFor(title: string): string {
  const slug = slugify(title);
  if (!slug)
    throw new ContentPathError(
      `«${title}» ger inget filnamn; skriv en rubrik eller ett namn med bokstäver eller siffror`,
    );
  return slug;
}

export function writeNew(file: string, text: string): string {
  if (existsSync(file))
    throw new ContentPathError(`${path.relative(process.cwd(), file)} finns redan och skrivs inte över`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeAtomically(file, Buffer.from(text, 'utf8'));
  return file;
}

/** The root of the running handlingar package (the folder with its package.json). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Where the JSON Schemas are for a file: handlingar installed in the repository the file is in
 * (node_modules/handlingar, as `handlingar init` sets it up), else the running package's own.
 * The modeline is relative to the file, so it resolves on every checkout of the repository.
 */
function schemaFor(file: string, name: string): string {
  const installed = path.join('node_modules', 'handlingar', 'schemas', 'json', `${name}.schema.json`);
  for (let dir = path.dirname(path.resolve(file)); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, installed))) return path.join(dir, installed);
  }
  return path.join(packageRoot(), 'schemas', 'json', `${name}.schema.json`);
}

/** The first line of a new file: which schema the YAML language server uses for it. */
function schemaLine(file: string, name: string): string {
  const relative = path
    .relative(path.dirname(path.resolve(file)), schemaFor(file, name))
    .split(path.sep)
    .join('/');
  return `# yaml-language-server: $schema=${relative}\n`;
}

/** A new meeting folder with its mote.yaml. */
export function newMeeting(contentRoot: string, date: string): string[] {
  if (!isCalendarDate(date)) throw new ContentPathError(`${date} är inget datum; skriv ÅÅÅÅ-MM-DD`);
  if (!existsSync(path.join(contentRoot, 'forbund.yaml')))
    throw new ContentPathError(`${contentRoot} är ingen innehållsmapp (forbund.yaml saknas)`);
  const file = path.join(contentRoot, 'moten', date, 'mote.yaml');
  const text = `${schemaLine(file, 'mote')}# Sammanträdet ${date}. Fyll i varje markerad uppgift; «handlingar check» visar var de står.
organ: Förbundsstyrelsen
datum: ${date}
tid: { från: "09.00", till: "12.00" }   # ${FILL_IN}
plats: ${FILL_IN}
förhinder: ${FILL_IN}   # en person i kansliet
justering: { justerare: ${FILL_IN}, datum: ${date} }   # ${FILL_IN}: ledamot och datum
dagordning:
  - { rubrik: Val av justerare och justeringstid }
  - { rubrik: Fastställande av föredragningslistan }
  - { rubrik: Övriga frågor }
`;
  return [writeNew(file, text)];
}

/** Inserts an agenda item for the ärende before «Övriga frågor» (or last), keeping the file's text. */
function addToAgenda(moteFile: string, slug: string): void {
  const text = readFileSync(moteFile, 'utf8');
  const document = parseDocument(text);
  const agenda = document.get('dagordning', true);
  if (!isSeq(agenda)) throw new ContentPathError(`${moteFile} har ingen dagordning`);
  const items = agenda.items;
  if (items.some((item) => isMap(item) && item.get('ärende') === slug)) return;
  const last = items.at(-1);
  const beforeLast = isMap(last) && /övriga frågor/i.test(String(last.get('rubrik') ?? ''));
  const line = `  - { ärende: ${slug} }\n`;
  let updated: string;
  if (beforeLast && last.range) {
    const start = text.lastIndexOf('\n', last.range[0]) + 1;
    updated = text.slice(0, start) + line + text.slice(start);
  } else {
    updated = `${text.replace(/\n*$/, '\n')}${line}`;
  }
  writeAtomically(moteFile, Buffer.from(updated, 'utf8'));
}

function meetingDir(meeting: string): string {
  const { meetingDirs } = resolveMeetingDirs(meeting);
  if (meetingDirs.length !== 1 || !existsSync(path.join(meetingDirs[0]!, 'mote.yaml')))
    throw new ContentPathError(`ange en mötesmapp, t.ex. content/moten/2024-09-12`);
  return meetingDirs[0]!;
}

/** A new ärende (tjänsteskrivelse) on the meeting's agenda. */
export function newArende(meeting: string, rubrik: string, ansokan?: string): string[] {
  const dir = meetingDir(meeting);
  // An ansökan's ärende shares its file name, as in the example meeting.
  const slug = ansokan ?? slugFor(rubrik);
  const file = path.join(dir, 'arenden', `${slug}.yaml`);
  const text = `${schemaLine(file, 'arende')}# Tjänsteskrivelse: ${rubrik}. Fyll i varje markerad uppgift; «handlingar check» visar var de står.
rubrik: ${JSON.stringify(rubrik)}
föredragande: ${FILL_IN}   # en person i kansliet
${ansokan ? `ansökan: ${ansokan}\n` : `förslag_till_beslut:\n  att:\n    - ${FILL_IN}\n`}ärendet: |
  ${FILL_IN}: vad ärendet gäller.
bedömning: |
  ${FILL_IN}: kansliets bedömning.
undertecknare: ${FILL_IN}   # en person i kansliet
`;
  const written = [writeNew(file, text)];
  addToAgenda(path.join(dir, 'mote.yaml'), slug);
  return [...written, path.join(dir, 'mote.yaml')];
}

/** A new ansökan with an empty budget, and its ärende on the agenda. */
export function newAnsokan(meeting: string, insats: string): string[] {
  const dir = meetingDir(meeting);
  const slug = slugFor(insats);
  const date = path.basename(dir);
  const year = Number(date.slice(0, 4)) + 1;
  const file = path.join(dir, 'ansokningar', `${slug}.yaml`);
  const text = `${schemaLine(file, 'ansokan')}# Ansökan: ${insats}. Fyll i varje markerad uppgift («handlingar check» visar var); budgetens summor kontrolleras.
insats: ${JSON.stringify(insats)}
typ: individinsats              # ${FILL_IN}: individinsats eller strukturinsats
ansökningstyp: ny               # ${FILL_IN}: ny, förlängning eller tillägg
insatsägare: ${FILL_IN}
samverkansparter: []            # ${FILL_IN}
målgrupp:
  beskrivning: ${FILL_IN}
period: { från: ${year}-01-01, till: ${year}-12-31 }   # ${FILL_IN}
syfte: ${FILL_IN}
mål:
  effektmål: ${FILL_IN}
  resultatmål: []
lokal_grupp: { diskuterad: false }   # ${FILL_IN}
budget:                         # ${FILL_IN}: budgetens rader, eller en finansieringsplan
  parter: [${FILL_IN}]            # partskolumnerna; den första är huvudinsatsägaren
  rekvirera:
    lön:
      rader: []                 # ${FILL_IN}: { post, tjänst, från, till, belopp, per_år }
`;
  const written = writeNew(file, text);
  return [written, ...newArende(dir, `Ansökan *${insats}*`, slug)];
}
