// handlingar importera: the applicant's Word form and Excel budget into one ansökan file,
// every value as typed and with a comment naming where it came from. The file is an input
// like any other: `check` reads it and reports at its lines, citing the source cell.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { forbundSchema, type Forbund } from '../../schemas/index.js';
import { UsageError } from '../errors.js';
import { findingAt, type Finding } from '../findings.js';
import { pathKey } from '../load/source.js';
import { slugify, writeNew } from '../output/scaffold.js';
import { readBudgetWorkbook } from './read-xlsx.js';
import { Sourced, type Raw } from './sourced.js';

/** The order keys are written in, so an imported file reads like a hand-written one. */
const ORDER = [
  'insats',
  'typ',
  'ansökningstyp',
  'diarienummer',
  'insatsägare',
  'samverkansparter',
  'målgrupp',
  'beskrivning',
  'ålder',
  'period',
  'sista_intag',
  'deltagare_per_år',
  'bakgrund',
  'syfte',
  'mål',
  'effektmål',
  'resultatmål',
  'metoder',
  'samverkan',
  'uppföljning',
  'spridning',
  'lokal_grupp',
  'diskuterad',
  'hur',
  'finansiering',
  'underskrifter',
  'organisation',
  'roll',
  'namn',
  'kontaktperson',
  'budget',
  'enhet',
  'ansökt',
  'post',
  'tjänst',
  'från',
  'till',
  'belopp',
  'parter',
  'rekvirera',
  'egenfinansiering',
  'total',
  'sammanställning',
  'lön',
  'lokal',
  'övrigt',
  'rader',
  'totalt',
  'summa',
  'per_år',
  'avstämning_per_år',
  'anmärkning',
  'text',
  'skrivs_ut',
];
const LINE_ORDER = ['post', 'tjänst', 'från', 'till', 'belopp', 'summa', 'per_år', 'anmärkning'];

function ordered(value: Raw): Raw {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(ordered);
  if (typeof value !== 'object') return value;
  const order = 'post' in value ? LINE_ORDER : ORDER;
  const rank = (key: string) => {
    if (/^\d{4}$/.test(key)) return 1000 + Number(key);
    const i = order.indexOf(key);
    return i < 0 ? 999 : i;
  };
  const keys = Object.keys(value);
  const sorted = keys
    .map((key, index) => ({ key, index }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.index - b.index);
  return Object.fromEntries(sorted.map(({ key }) => [key, ordered(value[key]!)]));
}

const AMOUNT_KEYS = new Set([
  'belopp',
  'summa',
  'totalt',
  'avstämning_per_år',
  'ansökt',
  'rekvirera',
  'egenfinansiering',
  'total',
]);

/** The import as YAML, with `# källa: …` at each value. */
export function toYaml(imported: Sourced, header: string): string {
  const doc = new Document(ordered(imported.value));
  const walk = (node: Node | null | undefined, at: (string | number)[]) => {
    const source = imported.sources.get(pathKey(at));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (/^\d{4}$/.test(key)) pair.key.value = Number(key);
        walk(pair.value as Node, [...at, key]);
      }
    } else if (isSeq(node)) {
      if (source !== undefined) {
        node.flow = true;
        node.comment = ` källa: ${source}`;
      }
      node.items.forEach((item, i) => walk(item as Node, [...at, i]));
    } else if (isScalar(node)) {
      const key = at.at(-1);
      const parent = at.at(-2);
      const amount =
        typeof key === 'string' &&
        (AMOUNT_KEYS.has(key) ||
          parent === 'per_år' ||
          parent === 'belopp' ||
          (parent === 'parter' && at.at(-3) !== 'budget'));
      if (amount && typeof node.value === 'string' && /^\d+$/.test(node.value)) node.value = Number(node.value);
      if (source !== undefined) node.comment = ` källa: ${source}`;
    }
  };
  walk(doc.contents as Node, []);
  return `${header}${doc.toString({ lineWidth: 0 })}`;
}

export interface ImportOutcome {
  /** The file written, or undefined when nothing could be written. */
  written?: string;
  findings: Finding[];
}

/** Reads the applicant's files and writes ansokningar/<insats>.yaml in the meeting folder. */
export async function importFiles(files: readonly string[], meeting: string): Promise<ImportOutcome> {
  if (!existsSync(meeting) || !statSync(meeting).isDirectory())
    throw new UsageError(`mötesmappen ${meeting} finns inte; ange --till med en mapp som har mote.yaml`);
  if (files.length === 0) throw new UsageError('ange minst en fil att importera (.docx eller .xlsx)');
  const parts: Sourced[] = [];
  for (const file of files) {
    if (!existsSync(file)) throw new UsageError(`filen ${file} finns inte`);
    const name = path.basename(file);
    const ext = path.extname(file).toLowerCase();
    const bytes = readFileSync(file);
    const read = async (reader: () => Promise<Sourced>): Promise<Sourced> => {
      try {
        return await reader();
      } catch (error) {
        // A file the readers did not foresee is the applicant's file to fix, not a crash.
        const unreadable = new Sourced();
        const reason = error instanceof Error ? error.message : String(error);
        unreadable.findings.push(
          findingAt('import.fil', { file: name, line: 1, column: 1 }, `${name} kunde inte läsas (${reason})`),
        );
        return unreadable;
      }
    };
    if (ext === '.xlsx' || ext === '.xls' || ext === '.xlsm')
      parts.push(await read(() => readBudgetWorkbook(bytes, { name })));
    else if (ext === '.docx' || ext === '.doc') {
      const { readApplicationForm } = await import('./read-docx.js');
      const { fieldsByTitle } = await import('./form-docx.js');
      const { loadForbundOnly } = await import('../output/blank.js');
      // The förbund's own form titles, when the meeting is in a content folder.
      const forbund = existsSync(path.join(meeting, '..', '..', 'forbund.yaml'))
        ? loadForbundOnly(path.join(meeting, '..', '..'))
        : undefined;
      const titles = fieldsByTitle(forbund ?? defaultForbund());
      parts.push(await read(() => readApplicationForm(bytes, { name, titles })));
    } else throw new UsageError(`${file}: kan bara importera Word-ansökningar (.docx) och Excel-budgetar (.xlsx)`);
  }
  // The form's values first: its insats name and period win over the budget sheet's.
  parts.sort((a, b) => Number(a.get(['budget']) !== undefined) - Number(b.get(['budget']) !== undefined));
  const merged = parts[0]!;
  for (const other of parts.slice(1)) merged.merge(other);
  const findings = [...merged.findings];
  const unreadable = findings.some((f) => f.code === 'import.fil');
  const insats = merged.get(['insats']);
  if (unreadable && Object.keys(merged.value).length === 0) return { findings };
  if (typeof insats !== 'string' || !slugify(insats)) {
    findings.push(
      findingAt(
        'import.fil',
        { file: path.basename(files[0]!), line: 1, column: 1 },
        'insatsens namn saknas (fältet «Insats» i budgeten eller ansökan); filen får sitt namn efter insatsen, så inget skrevs',
      ),
    );
    return { findings };
  }
  // Written even when the values break the schema: check reports each at its line, with its source.
  const target = path.join(meeting, 'ansokningar', `${slugify(insats)}.yaml`);
  const header = `# Importerad med handlingar importera från ${files.map((f) => path.basename(f)).join(' och ')}.\n# Värdena står som den sökande skrev dem; kommentaren vid varje värde säger var det stod.\n`;
  if (existsSync(target))
    throw new UsageError(
      `${path.relative(process.cwd(), target)} finns redan och skrivs inte över; flytta eller ta bort den först om den ska ersättas`,
    );
  return { written: writeNew(target, toYaml(merged, header)), findings };
}

/** A förbund with the default ansökningsformulär, for the titles of a form read outside a content folder. */
function defaultForbund(): Forbund {
  return forbundSchema.parse({
    namn: 'Samordningsförbundet',
    medlemmar: [{ namn: 'Kommunen' }],
    styrelse: { ordinarie: [{ namn: 'Ordförande', uppdrag: 'ordförande' }] },
    kansli: [{ namn: 'Förbundschef', roll: 'förbundschef' }],
    grupper: { lokal_grupp: { namn: 'lokala gruppen', rubrik: 'Lokal grupp' }, styrgrupp: 'styrgruppen' },
  });
}
