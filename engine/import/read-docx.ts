// Reads the förbund's Word ansökningsmall as filled in by an applicant: each field is a
// content control (w:sdt) whose tag is its place in the ansökan schema (målgrupp.beskrivning,
// mål.resultatmål.0, underskrifter.1.namn), so nothing is found by guessing at headings.
import PizZip from 'pizzip';
import { findingAt } from '../findings.js';
import { Sourced } from './sourced.js';

const NUMBER_FIELDS = new Set(['deltagare_per_år', 'målgrupp.ålder.från', 'målgrupp.ålder.till']);
const BOOLEAN_FIELDS = new Set(['lokal_grupp.diskuterad']);

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

export async function readApplicationForm(bytes: Buffer, options: { name: string }): Promise<Sourced> {
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
  for (const match of xml.matchAll(/<w:sdt>([\s\S]*?)<\/w:sdt>/g)) {
    const body = match[1]!;
    const tag = /<w:tag w:val="([^"]*)"/.exec(body)?.[1];
    if (!tag) continue;
    controls++;
    const title = unescape(/<w:alias w:val="([^"]*)"/.exec(body)?.[1] ?? tag);
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
    if (!text) continue;
    if (NUMBER_FIELDS.has(key) && /^\d+$/.test(text)) out.set(path, Number(text), source);
    else if (BOOLEAN_FIELDS.has(key)) {
      if (/^ja$/i.test(text)) out.set(path, true, source);
      else if (/^nej$/i.test(text)) out.set(path, false, source);
      else out.set(path, text, source);
    } else out.set(path, text, source);
  }
  if (controls === 0)
    return fail(
      `${file} har inga ifyllnadsfält (innehållskontroller) kvar; de kan ha tagits bort när dokumentet redigerades. Be den sökande fylla i förbundets ansökningsmall (handlingar ansokningsmall) utan att ta bort fälten.`,
    );
  return out;
}
