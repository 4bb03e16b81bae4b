// The ansökningsmall as a Word form: every field a content control (w:sdt) tagged with its
// place in the ansökan schema, so that `handlingar importera ansokan.docx` reads it back
// without guessing. The same writer fills the form with an ansökan, for the round-trip tests.
import path from 'node:path';
import PizZip from 'pizzip';
import type { Ansokan } from '../../schemas/ansokan.js';
import type { Block } from '../../schemas/document.js';
import type { Forbund } from '../../schemas/index.js';
import { signatureTable } from '../documents/ansokan.js';
import type { PlannedDocument } from '../documents/kind.js';
import { formatAmount } from '../money.js';
import { renderDocx } from '../writers/docx/render.js';
import { findTemplate } from '../writers/docx/template.js';
import { deterministic } from './budgetmall.js';

type Kind = 'text' | 'block' | 'date' | 'choice' | 'checkbox';

interface Field {
  /** The schema path, as the control's tag: målgrupp.beskrivning, underskrifter.0.namn. */
  tag: string;
  /** What the applicant sees as the control's title. */
  title: string;
  kind: Kind;
  /** The filled value: paragraphs for a block, the text otherwise; none in a blank form. */
  value?: string;
  options?: readonly string[];
  placeholder: string;
}

const open = '\u27e6';
const close = '\u27e7';
const MARKER = /\u27e6(\d+)\u27e7/g;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A run's text with line breaks as <w:br/>. */
const runText = (rPr: string, text: string) =>
  `<w:r>${rPr}${text
    .split('\n')
    .map((line) => `<w:t xml:space="preserve">${escape(line)}</w:t>`)
    .join('<w:br/>')}</w:r>`;

function properties(field: Field, empty: boolean): string {
  const parts = [`<w:alias w:val="${escape(field.title)}"/>`, `<w:tag w:val="${escape(field.tag)}"/>`];
  if (empty) parts.push('<w:showingPlcHdr/>');
  if (field.kind === 'date')
    parts.push(
      `<w:date${field.value ? ` w:fullDate="${field.value}T00:00:00Z"` : ''}><w:dateFormat w:val="yyyy-MM-dd"/><w:lid w:val="sv-SE"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>`,
    );
  if (field.kind === 'choice')
    parts.push(
      `<w:dropDownList>${(field.options ?? []).map((o) => `<w:listItem w:displayText="${escape(o)}" w:value="${escape(o)}"/>`).join('')}</w:dropDownList>`,
    );
  if (field.kind === 'checkbox')
    parts.push(
      `<w14:checkbox><w14:checked w14:val="${field.value === 'true' ? 1 : 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>`,
    );
  if (field.kind === 'text' || field.kind === 'block') parts.push('<w:text w:multiLine="1"/>');
  return `<w:sdtPr>${parts.join('')}</w:sdtPr>`;
}

function runControl(field: Field, rPr: string): string {
  const empty = field.value === undefined || field.value === '';
  const shown =
    field.kind === 'checkbox'
      ? field.value === 'true'
        ? '\u2612'
        : '\u2610'
      : empty
        ? field.placeholder
        : field.value!;
  return `<w:sdt>${properties(field, empty && field.kind !== 'checkbox')}<w:sdtContent>${runText(rPr, shown)}</w:sdtContent></w:sdt>`;
}

function blockControl(field: Field, paragraph: string): string {
  const empty = field.value === undefined || field.value === '';
  const texts = empty ? [field.placeholder] : field.value!.split(/\n{2,}/);
  const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(paragraph)?.[0] ?? '';
  const rPr = /<w:r>\s*(<w:rPr>[\s\S]*?<\/w:rPr>)/.exec(paragraph)?.[1] ?? '';
  const paragraphs = texts.map((t) => `<w:p>${pPr}${runText(rPr, t)}</w:p>`).join('');
  return `<w:sdt>${properties(field, empty)}<w:sdtContent>${paragraphs}</w:sdtContent></w:sdt>`;
}

/** Replaces the markers in the rendered document by content controls. */
function toControls(xml: string, fields: readonly Field[]): string {
  // A paragraph that is only a marker of a block field becomes a block-level control.
  let out = xml.replace(/<w:p\b[^>]*>(?:(?!<w:p\b)[\s\S])*?<\/w:p>/g, (paragraph) => {
    const text = [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const only = new RegExp(`^${open}(\\d+)${close}$`).exec(text.trim());
    const field = only ? fields[Number(only[1])] : undefined;
    return field?.kind === 'block' ? blockControl(field, paragraph) : paragraph;
  });
  // A marker inside a run becomes a run-level control between the run's other text.
  out = out.replace(/<w:r\b[^>]*>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g, (run) => {
    if (!run.includes(open)) return run;
    const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(run)?.[0] ?? '';
    const text = [...run.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const pieces: string[] = [];
    let last = 0;
    for (const match of text.matchAll(MARKER)) {
      if (match.index > last)
        pieces.push(`<w:r>${rPr}<w:t xml:space="preserve">${text.slice(last, match.index)}</w:t></w:r>`);
      pieces.push(runControl(fields[Number(match[1])]!, rPr));
      last = match.index + match[0].length;
    }
    if (last < text.length) pieces.push(`<w:r>${rPr}<w:t xml:space="preserve">${text.slice(last)}</w:t></w:r>`);
    return pieces.join('');
  });
  return out;
}

export const WRITE_HERE = 'Klicka här och skriv.';

/** The form's data with a marker for each field, and the fields. */
function planForm(forbund: Forbund, fill?: Ansokan): { fields: Field[]; blank: PlannedDocument<'ansokan'> } {
  const fields: Field[] = [];
  const mark = (tag: string, title: string, kind: Kind, value?: string, options?: readonly string[]): string => {
    fields.push({ tag, title, kind, value, options, placeholder: kind === 'date' ? 'ÅÅÅÅ-MM-DD' : WRITE_HERE });
    return `${open}${fields.length - 1}${close}`;
  };
  const block = (tag: string, title: string, value?: string): Block[] => [
    { type: 'paragraph', style: 'body', content: [{ type: 'text', text: mark(tag, title, 'block', value) }] },
  ];
  const text = (t: string) => ({ type: 'text' as const, text: t });
  const f = fill;
  // The form's figures are kept in hundredths of their own unit (schemas/ansokan.ts formFigures).
  const money = (hundredths: number | undefined, unit: 'kr' | 'tkr' | 'mkr' = 'kr') =>
    hundredths === undefined ? undefined : `${formatAmount(hundredths, 'kr', ' ')} ${unit}`;
  const unit = f?.finansiering?.enhet ?? 'kr';
  const sections = forbund.ansökningsformulär.map((section) => {
    const rubrik = section.obligatorisk ? `${section.rubrik} (obligatoriskt)` : section.rubrik;
    if (section.fält === 'mål') {
      const goals = f?.mål?.resultatmål ?? [];
      const rows = Math.max(3, goals.length);
      return {
        rubrik,
        text: [
          ...block('mål.effektmål', 'Effektmål', f?.mål?.effektmål),
          { type: 'paragraph' as const, style: 'body' as const, content: [text('Resultatmål:')] },
          ...Array.from({ length: rows }, (_, i) =>
            block(`mål.resultatmål.${i}`, `Resultatmål ${i + 1}`, goals[i]),
          ).flat(),
        ],
      };
    }
    const value = f?.[section.fält as 'syfte'];
    return { rubrik, text: block(section.fält, section.rubrik, typeof value === 'string' ? value : undefined) };
  });
  const signers = f?.underskrifter ?? [];
  const signatureRows = Math.max(4, signers.length);
  const blank: PlannedDocument<'ansokan'> = {
    name: 'ansokningsmall',
    kind: 'ansokan',
    title: 'Ansökan',
    orientation: 'portrait',
    data: {
      förbund: forbund.namn,
      bilaga: 'Ansökan',
      insats: mark('insats', 'Insatsens namn', 'text', f?.insats),
      typ: mark('typ', 'Typ av insats', 'choice', f?.typ, ['individinsats', 'strukturinsats']),
      ansökningstyp: mark('ansökningstyp', 'Ansökningstyp', 'choice', f?.ansökningstyp, [
        'ny',
        'förlängning',
        'tillägg',
      ]),
      insatsägare: mark('insatsägare', 'Insatsägare', 'text', f?.insatsägare),
      samverkansparter: mark(
        'samverkansparter',
        'Samverkansparter (kommaseparerade)',
        'text',
        f?.samverkansparter.join(', '),
      ),
      målgrupp: block('målgrupp.beskrivning', 'Målgrupp', f?.målgrupp.beskrivning),
      ålder: `${mark('målgrupp.ålder.från', 'Ålder från', 'text', f?.målgrupp.ålder && String(f.målgrupp.ålder.från))}–${mark('målgrupp.ålder.till', 'Ålder till', 'text', f?.målgrupp.ålder && String(f.målgrupp.ålder.till))} år`,
      från: text(mark('period.från', 'Insatsen startar', 'date', f?.period.från)),
      till: text(mark('period.till', 'Insatsen slutar', 'date', f?.period.till)),
      sista_intag: mark('sista_intag', 'Sista intag', 'date', f?.sista_intag),
      deltagare: mark(
        'deltagare_per_år',
        'Deltagare per år',
        'text',
        f?.deltagare_per_år === undefined ? undefined : String(f.deltagare_per_år),
      ),
      avsnitt: sections,
      lokal_grupp: forbund.grupper.lokal_grupp
        ? [
            {
              rubrik: forbund.grupper.lokal_grupp.rubrik,
              fråga: `Har ansökan diskuterats i ${forbund.grupper.lokal_grupp.namn}?`,
              svar: `${mark('lokal_grupp.diskuterad', 'Diskuterad', 'checkbox', f?.lokal_grupp ? String(f.lokal_grupp.diskuterad) : undefined)} Ja`,
              hur: block('lokal_grupp.hur', 'Hur', f?.lokal_grupp?.hur),
            },
          ]
        : [],
      sökt: text(mark('finansiering.ansökt', 'Ansökt belopp', 'text', money(f?.finansiering?.ansökt, unit))),
      egenfinansiering: text(
        mark(
          'finansiering.egenfinansiering',
          'Egenfinansiering',
          'text',
          money(f?.finansiering?.egenfinansiering, unit),
        ),
      ),
      total: text(mark('finansiering.total', 'Total kostnad', 'text', money(f?.finansiering?.total, unit))),
      finansiärer: [],
      har_överenskommelse: forbund.texter.överenskommelse.length > 0,
      överenskommelse: forbund.texter.överenskommelse.map((section) => ({
        rubrik: section.rubrik,
        text: section.text,
      })),
      underskrifter: signatureTable(
        Array.from({ length: signatureRows }, (_, i) => {
          const s = signers[i];
          return {
            organisation: mark(`underskrifter.${i}.organisation`, `Organisation ${i + 1}`, 'text', s?.organisation),
            roll: mark(
              `underskrifter.${i}.roll`,
              `Roll ${i + 1}`,
              'choice',
              s?.roll ?? (i === 0 ? 'insatsägare' : 'samverkanspart'),
              ['insatsägare', 'samverkanspart'],
            ),
            namn: mark(`underskrifter.${i}.namn`, `Namn ${i + 1}`, 'text', s?.namn),
            kontaktperson: mark(`underskrifter.${i}.kontaktperson`, `Kontaktperson ${i + 1}`, 'text', s?.kontaktperson),
          };
        }),
      ),
    },
  };
  return { fields, blank };
}

/**
 * The tag of each field by its title. LibreOffice keeps a control's title but drops its tag
 * when it saves a form, so the reader finds the field by the title the mall gave it.
 */
export function fieldsByTitle(forbund: Forbund): Map<string, string> {
  return new Map(planForm(forbund).fields.map((field) => [field.title, field.tag]));
}

/** The ansökan form, blank or filled with an ansökan (amounts in the form in kronor as typed). */
export function applicationForm(forbund: Forbund, contentRoot: string, fill?: Ansokan): Buffer {
  const { fields, blank } = planForm(forbund, fill);
  const bytes = renderDocx(findTemplate('ansokan', path.join(contentRoot, 'mallar')).bytes, blank);
  const zip = new PizZip(bytes);
  zip.file('word/document.xml', toControls(zip.file('word/document.xml')!.asText(), fields));
  return deterministic(zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
