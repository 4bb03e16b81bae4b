// Reads the förbund's Word ansökningsmall as filled in by an applicant: each field is a
// content control (w:sdt) whose tag is its place in the ansökan schema (målgrupp.beskrivning,
// mål.resultatmål.0, underskrifter.1.namn), so nothing is found by guessing at headings.
import PizZip from 'pizzip';
import { findingAt } from '../findings.js';
import { pathKey } from '../load/source.js';
import { WRITE_HERE } from './form-docx.js';
import { Sourced, type Raw, type RawObject } from './sourced.js';

const NUMBER_FIELDS = new Set(['deltagare_per_år', 'målgrupp.ålder.från', 'målgrupp.ålder.till']);
const BOOLEAN_FIELDS = new Set(['lokal_grupp.diskuterad']);
const PLACEHOLDERS = new Set([WRITE_HERE, 'ÅÅÅÅ-MM-DD']);

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of a control's content: paragraphs separated by a blank line, as in Markdown. */
function textOf(xml: string): string {
  const paragraphs = xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\/>/g)]
        .map((m) => (m[2] === 'tab' ? '\t' : m[2] === 'br' ? '\n' : unescape(m[1] ?? '')))
        .join(''),
    );
  return paragraphs
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
}

export interface FormOptions {
  name: string;
  /** The mall's tag of each field by its title, for a form saved by a program that drops tags. */
  titles?: ReadonlyMap<string, string>;
}

/** The tag a field's title stands for, in the mall or in rows beyond the mall's own. */
function tagOfTitle(title: string, titles: ReadonlyMap<string, string> | undefined): string | undefined {
  const known = titles?.get(title);
  if (known) return known;
  const row = /^(Organisation|Roll|Namn|Kontaktperson) (\d+)$/.exec(title);
  if (row) return `underskrifter.${Number(row[2]) - 1}.${row[1]!.toLowerCase()}`;
  const goal = /^Resultatmål (\d+)$/.exec(title);
  return goal ? `mål.resultatmål.${Number(goal[1]) - 1}` : undefined;
}

export async function readApplicationForm(bytes: Buffer, options: FormOptions): Promise<Sourced> {
  const out = new Sourced();
  const file = options.name;
  const fail = (message: string) => {
    out.findings.push(findingAt('import.fil', { file, line: 1, column: 1 }, message));
    return out;
  };
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    return fail(
      `${file} är lösenordsskyddad eller sparad i det gamla Word-formatet (.doc); spara den som .docx utan lösenord`,
    );
  let xml: string;
  try {
    xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
  } catch {
    return fail(`${file} är inget Word-dokument (.docx)`);
  }
  if (!xml) return fail(`${file} är inget Word-dokument (.docx): word/document.xml saknas`);

  let controls = 0;
  // Controls do not nest in the mall, so a lazy match finds each whole.
  for (const match of xml.matchAll(/<w:sdt(?:\s[^>]*)?>([\s\S]*?)<\/w:sdt>/g)) {
    const body = match[1]!;
    const alias = /<w:alias w:val="([^"]*)"/.exec(body)?.[1];
    const tag = /<w:tag w:val="([^"]*)"/.exec(body)?.[1] ?? (alias && tagOfTitle(unescape(alias), options.titles));
    if (!tag) continue;
    controls++;
    const title = unescape(alias ?? tag);
    const source = `${file} «${title}»`;
    const path = unescape(tag)
      .split('.')
      .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
    const content = /<w:sdtContent>([\s\S]*)<\/w:sdtContent>/.exec(body)?.[1] ?? '';
    const checkbox = /<w14:checked w14:val="([01])"/.exec(body);
    const key = path.join('.');
    if (BOOLEAN_FIELDS.has(key) && checkbox) {
      out.set(path, checkbox[1] === '1', source);
      continue;
    }
    if (/<w:showingPlcHdr\/>/.test(body)) continue;
    const text = textOf(content);
    // The mall's placeholder text, kept as text by a program that drops the placeholder mark.
    if (!text || PLACEHOLDERS.has(text)) continue;
    if (NUMBER_FIELDS.has(key) && /^\d+$/.test(text)) out.set(path, Number(text), source);
    else if (BOOLEAN_FIELDS.has(key)) {
      if (/^ja$/i.test(text)) out.set(path, true, source);
      else if (/^nej$/i.test(text)) out.set(path, false, source);
      else out.set(path, text, source);
    } else out.set(path, text, source);
  }
  if (controls > 0) tidy(out);
  if (controls === 0)
    return fail(
      `${file} har inga ifyllnadsfält (innehållskontroller) kvar; de kan ha tagits bort när dokumentet redigerades. Be den sökande fylla i förbundets ansökningsmall (handlingar ansokningsmall) utan att ta bort fälten.`,
    );
  return out;
}

/** The form's values in the schema's shapes: lists from rows, amounts with their unit. */
function tidy(out: Sourced): void {
  const value = out.value;
  const sourceOf = (...path: (string | number)[]) => out.sources.get(pathKey(path)) ?? '';
  const parties = value.samverkansparter;
  if (typeof parties === 'string') {
    const source = sourceOf('samverkansparter');
    const names = parties.split(/\s*[,;]\s*/).filter(Boolean);
    delete value.samverkansparter;
    names.forEach((name, i) => out.set(['samverkansparter', i], name, source));
  }
  // Rows left empty in the form are not rows; a row with only its preset roll is empty.
  const rows = (key: string, parent: (string | number)[], keep: (row: Raw) => boolean) => {
    const holder = parent.length === 0 ? value : out.get(parent);
    if (!holder || typeof holder !== 'object' || Array.isArray(holder)) return;
    const list = (holder as RawObject)[key];
    if (!Array.isArray(list)) return;
    const kept = list.map((row, i) => ({ row, i })).filter(({ row }) => row !== undefined && keep(row));
    const moved = new Map<string, string>();
    for (const [k, v] of out.sources) if (k.startsWith(pathKey([...parent, key]))) moved.set(k, v);
    for (const k of moved.keys()) out.sources.delete(k);
    delete (holder as RawObject)[key];
    kept.forEach(({ row, i }, index) => {
      const from = pathKey([...parent, key, i]);
      for (const [k, v] of moved)
        if (k === from || k.startsWith(`${from}\u0000`))
          out.sources.set(pathKey([...parent, key, index]) + k.slice(from.length), v);
      const target = [...parent, key, index];
      const setRaw = (path: (string | number)[], raw: Raw) => {
        let node = value as Record<string | number, Raw>;
        path.slice(0, -1).forEach((p, j) => {
          if (node[p] === undefined) node[p] = typeof path[j + 1] === 'number' ? [] : {};
          node = node[p] as Record<string | number, Raw>;
        });
        node[path.at(-1)!] = raw;
      };
      setRaw(target, row);
    });
  };
  rows(
    'underskrifter',
    [],
    (row) =>
      typeof row === 'object' && !Array.isArray(row) && (row.organisation !== undefined || row.namn !== undefined),
  );
  rows('resultatmål', ['mål'], (row) => typeof row === 'string' && row.trim() !== '');
  // «7 527 tkr»: the amount as typed, and the unit it was typed in.
  const figures = out.get(['finansiering']);
  if (figures && typeof figures === 'object' && !Array.isArray(figures)) {
    for (const key of ['ansökt', 'egenfinansiering', 'total']) {
      const typed = figures[key];
      if (typeof typed !== 'string') continue;
      const match = /^(.*?)\s*(kr|tkr|mkr)\.?$/i.exec(typed.trim());
      if (!match) continue;
      figures[key] = match[1]!;
      const unit = match[2]!.toLowerCase();
      if (unit !== 'kr' && figures.enhet === undefined)
        out.set(['finansiering', 'enhet'], unit, sourceOf('finansiering', key));
    }
  }
}
