// Generates the built-in Word templates from code, so that they can be reviewed as code and
// rebuilt byte for byte. Run: npm run templates (writes templates/*.docx, which are committed
// so that an organisation can open one in Word and save its own version).
//
// Tags: {field} inserts text; {@field} inserts ready-made OOXML and must be alone in its
// paragraph; {#list}…{/list} repeats a paragraph or a table row (docxtemplater's free core).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  Document,
  Header,
  LevelFormat,
  Packer,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx';
import PizZip from 'pizzip';
import type { DocumentKindName } from '../schemas/documents.js';
import { NUMBERING_XML } from '../engine/writers/docx/numbering.js';
import { deterministicZip } from '../engine/writers/docx/zip.js';

/**
 * Carlito (Debian: fonts-crosextra-carlito) has Calibri's metrics and is installed by the
 * setup, so LibreOffice lays the documents out with the font they name instead of a wider
 * substitute; Word without Carlito falls back to a font of the same widths.
 */
const FONT = 'Carlito';
/** The documents' language, so that spelling, hyphenation and screen readers treat them as Swedish. */
const LANGUAGE = 'sv-SE';

const heading = (text: string, level: 1 | 2 | 3 = 1) => new Paragraph({ text, style: `Rubrik${level}` });
const body = (text: string) => new Paragraph({ text, style: 'Brodtext' });
const label = (name: string, value: string) =>
  new Paragraph({ style: 'Brodtext', children: [new TextRun({ text: `${name} `, bold: true }), new TextRun(value)] });
const bold = (text: string) => new Paragraph({ style: 'Brodtext', children: [new TextRun({ text, bold: true })] });
/** A line to sign on, with the role and the name under it. */
const signature = (role: string, name: string) =>
  new Paragraph({
    style: 'Brodtext',
    spacing: { before: 360 },
    children: [new TextRun('………………………………………………'), new TextRun({ break: 1 }), new TextRun(`${role}: ${name}`)],
  });
/** A paragraph holding only a raw-XML tag: docxtemplater replaces the whole paragraph. */
const raw = (tag: string) => new Paragraph({ text: `{@${tag}}`, style: 'Brodtext' });
/** A paragraph-level loop: the opening and closing tags sit in paragraphs of their own. */
const loop = (list: string, ...inner: Paragraph[]) => [body(`{#${list}}`), ...inner, body(`{/${list}}`)];

const header = (text: string) => ({
  default: new Header({ children: [new Paragraph({ style: 'Sidhuvud', alignment: AlignmentType.RIGHT, text })] }),
});
/** A list whose items sit close together (the roster of the kallelse). */
const compactLoop = (list: string, tag: string) => [
  new Paragraph({ text: `{#${list}}`, style: 'Kompakt' }),
  new Paragraph({ text: tag, style: 'Kompakt' }),
  new Paragraph({ text: `{/${list}}`, style: 'Kompakt' }),
];

const SECTIONS: Record<DocumentKindName, ISectionOptions> = {
  kallelse: {
    headers: header('{förbund}'),
    children: [
      heading('{rubrik}'),
      label('Dag', '{dag}'),
      label('Tid', '{tid}'),
      label('Plats', '{plats}'),
      label('Anmälan om förhinder', 'meddelas till {förhinder}.'),
      heading('{organ}', 2),
      heading('Medlemsorganisationer', 3),
      ...compactLoop('medlemmar', '{namn}'),
      heading('Ordinarie ledamöter', 3),
      ...compactLoop('ordinarie', '{text}'),
      heading('Ersättare', 3),
      ...compactLoop('ersättare', '{text}'),
      body('{#har_adjungerade}'),
      heading('Adjungerade', 3),
      ...compactLoop('adjungerade', '{text}'),
      body('{/har_adjungerade}'),
      heading('Övriga / förbundets kansli', 3),
      ...compactLoop('kansli', '{text}'),
      heading('Föredragningslista', 2),
      raw('föredragningslista'),
      body(''),
      body('Välkomna!'),
      body('{ordförande}, ordförande'),
    ],
  },
  tjansteskrivelse: {
    headers: header('{förbund} · {möte} · {bilaga}'),
    children: [
      raw('rubrik'),
      heading('Förslag till beslut', 2),
      body('{föreslås}'),
      ...loop('att', raw('text')),
      body('{#har_justeringar}'),
      heading('Kansliets justeringar', 2),
      raw('justeringar'),
      body('{/har_justeringar}'),
      heading('Ärendet', 2),
      raw('ärendet'),
      raw('tabell'),
      heading('Bedömning', 2),
      raw('bedömning'),
      body(''),
      body('{undertecknare}, {titel}'),
    ],
  },
  ansokan: {
    headers: header('{förbund} · {bilaga}'),
    children: [
      heading('Ansökan om finansiering av samverkansinsats'),
      label('Insatsens namn', '{insats}'),
      label('Typ av insats', '{typ}'),
      label('Ny, förlängning eller tillägg', '{ansökningstyp}'),
      label('Insatsägare', '{insatsägare}'),
      label('Samverkansparter', '{samverkansparter}'),
      heading('Målgrupp', 2),
      label('Ålder', '{ålder}'),
      raw('målgrupp'),
      label('Förväntat antal deltagare', '{deltagare}'),
      heading('Planerad insatstid', 2),
      label('Planerat startdatum', '{från}'),
      label('Planerat slutdatum', '{till}'),
      label('Sista dag för intag av deltagare', '{sista_intag}'),
      // The förbund's form: its sections in its order (forbund.yaml, ansökningsformulär).
      body('{#avsnitt}'),
      heading('{rubrik}', 2),
      raw('text'),
      body('{/avsnitt}'),
      heading('Budget och finansiering', 2),
      label('Sökt från förbundet', '{sökt}'),
      label('Egenfinansiering', '{egenfinansiering}'),
      label('Total budget', '{total}'),
      ...loop('finansiärer', label('Finansiär: {namn}', '{belopp}')),
      body('Den detaljerade budgeten finns i budgetbilagan.'),
      body('{#lokal_grupp}'),
      heading('{rubrik}', 2),
      label('{fråga}', '{svar}'),
      raw('hur'),
      body('{/lokal_grupp}'),
      body('{#har_överenskommelse}'),
      heading('Överenskommelse', 2),
      body('Texten i detta avsnitt är förbundets och får inte ändras.'),
      ...loop('överenskommelse', heading('{rubrik}', 3), body('{text}')),
      body('{/har_överenskommelse}'),
      heading('Underskrifter', 2),
      raw('underskrifter'),
    ],
  },
  budget: {
    // Landscape, like the förbund's budget form: the party and year columns need the width.
    properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
    headers: header('{förbund} · {bilaga}'),
    children: [
      heading('{rubrik}'),
      label('Insats', '{insats}'),
      label('Insatsens löptid', '{period}'),
      label('Belopp i', '{enhet}'),
      body('{#har_finansiering}'),
      heading('Finansiering', 2),
      raw('finansiering'),
      body('{/har_finansiering}'),
      body('{#har_kostnader}'),
      raw('detaljerad'),
      heading('Insatsbudget fördelad över insatstid', 2),
      raw('per_år'),
      heading('Budgetsammanställning', 2),
      raw('sammanställning'),
      body('{/har_kostnader}'),
    ],
  },
  bilaga: {
    headers: header('{förbund} · {bilaga}'),
    children: [heading('{rubrik}'), raw('text')],
  },
  protokoll: {
    headers: header('{förbund} · {organ} · Protokoll'),
    children: [
      heading('{rubrik}'),
      label('Dag', '{dag}'),
      label('Tid', '{tid}'),
      label('Plats', '{plats}'),
      label('Paragrafer', '{paragrafer_omfång}'),
      heading('Närvarande', 2),
      bold('Tjänstgörande ledamöter'),
      ...compactLoop('ledamöter', '{text}'),
      bold('Tjänstgörande ersättare'),
      ...compactLoop('tjänstgörande_ersättare', '{text}'),
      body('{#har_ersättare}'),
      bold('Ersättare, ej tjänstgörande'),
      ...compactLoop('ersättare', '{text}'),
      body('{/har_ersättare}'),
      bold('Övriga närvarande'),
      ...compactLoop('övriga', '{text}'),
      ...loop('paragrafer', heading('{rubrik}', 2), raw('text')),
      heading('Underskrifter', 2),
      label('Justeringens plats och tid', '{justering}'),
      signature('Sekreterare', '{sekreterare}'),
      signature('Ordförande', '{ordförande}'),
      ...loop('justerare', signature('Justerare', '{namn}')),
    ],
  },
  anslagsbevis: {
    headers: header('{förbund} · Anslagsbevis'),
    children: [
      heading('Anslagsbevis'),
      body('Protokollet är justerat. Justeringen har tillkännagivits genom anslag på {förbund}s anslagstavla.'),
      label('Organ', '{organ}'),
      label('Sammanträdesdatum', '{sammanträdesdatum}'),
      label('Paragrafer', '{paragrafer}'),
      label('Protokollet justerat', '{justerat}'),
      label('Anslaget uppsatt', '{uppsatt}'),
      label('Anslaget nedtas tidigast', '{nedtas}'),
      label('Förvaringsplats för protokollet', '{förvaringsplats}'),
      signature('Underskrift', '{underskrift}'),
    ],
  },
  protokollsutdrag: {
    headers: header('{förbund} · {organ} · Protokollsutdrag'),
    children: [
      heading('Protokollsutdrag, {organ} {dag}'),
      heading('{rubrik}', 2),
      raw('text'),
      body('{justerat}'),
      label('Utdragsbestyrkande', '{utdragsbestyrkande}'),
      bold('Expedieras till'),
      ...compactLoop('expedieras', '{namn}'),
    ],
  },
};

export async function generateTemplate(kind: DocumentKindName): Promise<Buffer> {
  const document = new Document({
    creator: 'handlingar',
    title: kind,
    styles: {
      default: { document: { run: { font: FONT, size: 22, language: { value: LANGUAGE } } } },
      paragraphStyles: [
        { id: 'Brodtext', name: 'Brödtext', run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120 } } },
        {
          id: 'Liststycke',
          name: 'Liststycke',
          basedOn: 'Brodtext',
          run: { font: FONT, size: 22 },
          paragraph: { spacing: { after: 60 } },
        },
        {
          id: 'Rubrik1',
          name: 'Rubrik 1',
          run: { font: FONT, size: 32, bold: true },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 0 },
        },
        {
          id: 'Rubrik2',
          name: 'Rubrik 2',
          run: { font: FONT, size: 26, bold: true },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, outlineLevel: 1 },
        },
        {
          id: 'Rubrik3',
          name: 'Rubrik 3',
          run: { font: FONT, size: 22, bold: true },
          paragraph: { spacing: { before: 120, after: 60 }, keepNext: true, outlineLevel: 2 },
        },
        { id: 'Kompakt', name: 'Kompakt lista', run: { font: FONT, size: 20 }, paragraph: { spacing: { after: 0 } } },
        { id: 'Tabelltext', name: 'Tabelltext', run: { font: FONT, size: 18 }, paragraph: { spacing: { after: 0 } } },
        { id: 'Sidhuvud', name: 'Sidhuvud', run: { font: FONT, size: 16, color: '555555' } },
      ],
    },
    // A numbering part must exist for the ids the rich text uses; its content is replaced below.
    numbering: {
      config: [{ reference: 'placeholder', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] }],
    },
    sections: [SECTIONS[kind]],
  });
  const zip = new PizZip(await Packer.toBuffer(document));
  zip.file('word/numbering.xml', NUMBERING_XML);
  return deterministicZip(zip);
}

export const TEMPLATE_KINDS = Object.keys(SECTIONS) as DocumentKindName[];
export const TEMPLATE_DIR = path.dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const kind of TEMPLATE_KINDS) {
    writeFileSync(path.join(TEMPLATE_DIR, `${kind}.docx`), await generateTemplate(kind));
    console.log(`templates/${kind}.docx`);
  }
}
