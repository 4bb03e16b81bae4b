// `handlingar publicera`: the meetings on the web, as a static site. An index of meetings,
// a page per meeting (day, time, place, the agenda with each item's handlingar) and an
// accessible page per handling from the document model, with each handling's PDF beside it
// when LibreOffice is installed. Nothing is published while the privacy guard has findings,
// and a handling marked sekretess or publiceras: nej is left out and announced as withheld.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { check, type CheckResult } from '../check/run.js';
import { draftMark, type DataOf, type PlannedDocument } from '../documents/kind.js';
import { formatValue } from '../writers/values.js';
import { KALLELSE_PACKET, PROTOKOLL_PACKET, planProduct } from '../documents/packet.js';
import { publicationPlan } from '../derive/publication.js';
import type { CheckedMeeting } from '../derive/meeting.js';
import { UsageError } from '../errors.js';
import { countBySeverity, type Finding } from '../findings.js';
import { formatDateLong, formatMeetingDay, formatTimeSpan } from '../format/swedish.js';
import { resolveMeetingDirs } from '../load/content.js';
import { build, isStructural } from './build.js';
import { readerOutline } from './html.js';
import { convertToPdf, hasSoffice, SOFFICE_MISSING } from './pdf.js';
import { setMetadata, setPlaceholderId, stampId } from './pdf-metadata.js';
import { fixProfileDate } from './pdf-structure.js';
import {
  handlingMain,
  indexMain,
  meetingMain,
  page,
  STYLESHEET,
  type AgendaRow,
  type HandlingLink,
  type MeetingLink,
} from './site/pages.js';
import { assertOutsideContent, writeAtomically } from './write.js';

/** A file in the site folder that says the folder is a site handlingar wrote (and may clean). */
export const SITE_MARKER = '.handlingar-webbplats';

export const isPrivacyFinding = (finding: Finding): boolean => finding.code.startsWith('integritet.');

/** A document to convert to PDF: its name in the meeting's build and its place in the site. */
interface PdfJob {
  name: string;
  /** Site path of the PDF. */
  target: string;
  title: string;
}

interface MeetingSite {
  checked: CheckedMeeting;
  folder: string;
  pdfJobs: PdfJob[];
}

export interface SitePlan {
  check: CheckResult;
  contentRoot: string;
  /** Why nothing may be published: the privacy guard's findings (as errors) and content that does not load. */
  blocking: Finding[];
  /** Every file of the site but the PDFs, by its path in the site. */
  files: Map<string, string | Uint8Array>;
  meetings: MeetingSite[];
}

export interface SiteOptions {
  /** Whether handlings get a PDF beside them (links are only written to PDFs that are made). */
  pdf?: boolean;
  /** Added to every page before </body>: the preview's reload. */
  script?: string;
}

/** How the meeting page names a handling: its kind, or its own title without the bilaga number. */
const handlingLabel = (document: PlannedDocument): string =>
  document.kind === 'tjansteskrivelse' ? 'Tjänsteskrivelse' : document.title.replace(/^[\d.]+\s+/, '');

const plainRubrik = (text: string) => text.replace(/\*/g, '');

/** When a record of the meeting came about, from the anslagsbevis: justerat, anslaget uppsatt and nedtas. */
function recordDate(document: PlannedDocument, anslag: DataOf<'anslagsbevis'> | undefined): { when?: string } {
  if (!anslag) return {};
  if (document.kind === 'protokoll') return { when: `justerat ${formatValue(anslag.justerat)}` };
  if (document.kind === 'anslagsbevis')
    return { when: `uppsatt ${formatValue(anslag.uppsatt)}, tas ned tidigast ${formatValue(anslag.nedtas)}` };
  return {};
}

/** The findings about one meeting's own files, and those shared by every meeting (the förbund). */
function findingsOf(result: CheckResult, checked: CheckedMeeting): Finding[] {
  const own = `${checked.model.dir}${path.sep}`;
  const meetingsDir = `${path.sep}moten${path.sep}`;
  return result.findings.filter((f) => f.file.startsWith(own) || !`${path.sep}${f.file}`.includes(meetingsDir));
}

function meetingSite(result: CheckResult, checked: CheckedMeeting, options: SiteOptions, files: SitePlan['files']) {
  const { model, derived } = checked;
  const mote = model.mote!.data;
  const forbund = model.forbund!.data.namn;
  const folder = path.basename(model.absoluteDir);
  const draft = draftMark(countBySeverity(findingsOf(result, checked)).errors);
  const plan = publicationPlan(model, derived);
  const heading = `${mote.organ}s sammanträde ${formatDateLong(mote.datum)}`;
  const pdfJobs: PdfJob[] = [];
  const links = new Map<PlannedDocument, HandlingLink>();

  // The kallelse packet, and once the meeting has a protokoll, the protokoll and its anslagsbevis
  // (the protokollsutdrag are sent to those concerned, not published).
  const published = [
    ...planProduct(KALLELSE_PACKET, checked),
    ...planProduct(PROTOKOLL_PACKET, checked).filter((document) => document.kind !== 'protokollsutdrag'),
  ];
  for (const planned of published) {
    const document = draft ? { ...planned, draft } : planned;
    const label = handlingLabel(document);
    const base: HandlingLink = { ...(document.bilaga ? { bilaga: document.bilaga } : {}), label };
    const withheld = plan.documentReason(document);
    if (withheld) {
      links.set(planned, { ...base, withheld });
      continue;
    }
    if (document.copyFrom) {
      // An attached file is published as it is; a Word file also as PDF when PDFs are made.
      const isDocx = /\.docx$/i.test(document.name);
      files.set(`${folder}/${document.name}`, readFileSync(document.copyFrom));
      const pdfName = `${document.name.replace(/\.docx$/i, '')}.pdf`;
      if (isDocx && options.pdf)
        pdfJobs.push({ name: document.name.replace(/\.docx$/i, ''), target: `${folder}/${pdfName}`, title: label });
      links.set(planned, {
        ...base,
        file:
          isDocx && options.pdf
            ? { href: pdfName, format: 'PDF' }
            : { href: document.name, format: isDocx ? 'Word' : 'PDF' },
      });
      continue;
    }
    const html = `${document.name}.html`;
    const pdf = options.pdf ? `${document.name}.pdf` : undefined;
    if (pdf) pdfJobs.push({ name: document.name, target: `${folder}/${pdf}`, title: document.title });
    const blocks = readerOutline(document);
    const title = `${document.bilaga ? `Bilaga ${document.bilaga}: ` : ''}${label}`;
    files.set(
      `${folder}/${html}`,
      page({
        title: `${title} – ${heading}`,
        förbund: forbund,
        stylesheet: '../stil.css',
        crumbs: [
          { label: 'Sammanträden', href: '../index.html' },
          { label: heading, href: 'index.html' },
          { label: title },
        ],
        main: handlingMain(blocks, pdf ? { href: pdf, label: title } : undefined),
        ...(options.script ? { script: options.script } : {}),
      }),
    );
    links.set(planned, { ...base, html, ...(pdf ? { file: { href: pdf, format: 'PDF' } } : {}) });
  }

  const documents = [...links.entries()];
  const agenda: AgendaRow[] = derived.agenda.map((item) => {
    const typed = mote.dagordning[item.index]!;
    return {
      number: item.number,
      rubrik: plainRubrik(item.arende?.rubrik ?? typed.rubrik ?? ''),
      ...((item.arende?.föredragande ?? typed.föredragande)
        ? { föredragande: item.arende?.föredragande ?? typed.föredragande }
        : {}),
      ...(typed.information ? { note: 'Information' } : {}),
      handlingar: documents.filter(([d]) => d.bilaga && item.bilagor.includes(d.bilaga)).map(([, link]) => link),
    };
  });
  // The meeting's own records: the kallelse; the protokoll and anslag join here when they exist.
  const anslag = published.find((d) => d.kind === 'anslagsbevis')?.data as DataOf<'anslagsbevis'> | undefined;
  const records = documents
    .filter(([d]) => !d.bilaga)
    .map(([d, link]) => ({ label: link.label, handling: link, ...recordDate(d, anslag) }));
  const facts: [string, string][] = [
    ['Dag', formatMeetingDay(mote.datum)],
    ['Tid', mote.tid ? formatTimeSpan(mote.tid.från, mote.tid.till) : 'uppgift saknas'],
    ['Plats', mote.plats ?? 'uppgift saknas'],
  ];
  files.set(
    `${folder}/index.html`,
    page({
      title: heading,
      förbund: forbund,
      stylesheet: '../stil.css',
      crumbs: [{ label: 'Sammanträden', href: '../index.html' }, { label: heading }],
      main: meetingMain({ heading, facts, records, agenda, ...(draft ? { draft } : {}) }),
      ...(options.script ? { script: options.script } : {}),
    }),
  );
  const link: MeetingLink = {
    href: `${folder}/index.html`,
    date: formatDateLong(mote.datum),
    organ: mote.organ,
    iso: mote.datum,
  };
  return { site: { checked, folder, pdfJobs }, link };
}

/** The whole site in memory (without PDFs), or what stops it from being published. */
export function planSite(target: string, options: SiteOptions = {}): SitePlan {
  const { contentRoot } = resolveMeetingDirs(target);
  const result = check(target);
  const blocking = [
    ...result.findings.filter(isStructural),
    ...result.findings.filter(isPrivacyFinding).map((f): Finding => ({ ...f, severity: 'fel' })),
  ];
  const files: SitePlan['files'] = new Map();
  const meetings: MeetingSite[] = [];
  const links: MeetingLink[] = [];
  const publishable = result.meetings.filter(({ model }) => model.mote && model.forbund);
  for (const checked of publishable) {
    const { site, link } = meetingSite(result, checked, options, files);
    meetings.push(site);
    links.push(link);
  }
  const forbund = publishable[0]?.model.forbund?.data.namn ?? '';
  files.set('stil.css', STYLESHEET);
  files.set(
    'index.html',
    page({
      title: 'Sammanträden',
      förbund: forbund,
      stylesheet: 'stil.css',
      crumbs: [{ label: 'Sammanträden' }],
      main: indexMain(forbund, links),
      ...(options.script ? { script: options.script } : {}),
    }),
  );
  return { check: result, contentRoot, blocking, files, meetings };
}

export interface PublishResult {
  plan: SitePlan;
  /** Files written, relative to the site folder; empty when publication was refused. */
  written: string[];
  /** Why no PDFs were made, when none were. */
  pdfSkipped?: string;
}

/** Refuses a folder that has files but is not a site handlingar wrote: it would be cleaned. */
function assertSiteFolder(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) throw new UsageError(`${outDir} är en fil, inte en mapp`);
  const entries = readdirSync(outDir);
  if (entries.length > 0 && !entries.includes(SITE_MARKER))
    throw new UsageError(
      `mappen ${outDir} finns och är inte en webbplats som handlingar skrivit; välj en tom eller ny mapp`,
    );
}

/** Every file under a folder, relative to it. */
function listFiles(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, full) : [path.relative(root, full).split(path.sep).join('/')];
  });
}

/** A converted PDF made reproducible: the meeting's date and the site's metadata, a file id from its hash. */
async function normalizePdf(
  bytes: Uint8Array,
  metadata: { title: string; author: string; date: string; subject: string },
) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  // LibreOffice's XMP carries the time of the export: replaced, and the old stream removed.
  const old = pdf.catalog.get(PDFName.of('Metadata'));
  if (old instanceof PDFRef) pdf.context.delete(old);
  setMetadata(pdf, { ...metadata, language: 'sv-SE' });
  const intents = pdf.catalog.get(PDFName.of('OutputIntents'));
  if (intents) fixProfileDate(pdf, intents);
  setPlaceholderId(pdf);
  return stampId(await pdf.save({ useObjectStreams: false }));
}

/** Each meeting's handlings as PDF: built as Word files, converted by LibreOffice, made reproducible. */
async function makePdfs(plan: SitePlan, onLine: (line: string) => void): Promise<Map<string, Uint8Array>> {
  const pdfs = new Map<string, Uint8Array>();
  for (const meeting of plan.meetings) {
    if (meeting.pdfJobs.length === 0) continue;
    const work = mkdtempSync(path.join(tmpdir(), 'handlingar-publicera-'));
    try {
      const built = build(meeting.checked.model.absoluteDir, { outDir: path.join(work, 'docx') });
      const byName = new Map(
        [...built.documents, ...(built.protocol?.documents ?? [])].map(
          ({ file, document }) => [document.name.replace(/\.docx$/i, ''), file] as const,
        ),
      );
      const sources = meeting.pdfJobs.map((job) => byName.get(job.name)).filter((f): f is string => !!f);
      await convertToPdf(sources, path.join(work, 'pdf'), (file) =>
        onLine(`  pdf  ${meeting.folder}/${path.basename(file)}`),
      );
      const mote = meeting.checked.model.mote!.data;
      const author = meeting.checked.model.forbund!.data.namn;
      for (const job of meeting.pdfJobs) {
        const converted = path.join(work, 'pdf', `${job.name}.pdf`);
        if (!existsSync(converted)) continue;
        pdfs.set(
          job.target,
          await normalizePdf(readFileSync(converted), {
            title: job.title,
            author,
            date: mote.datum,
            subject: `${mote.organ}, ${author}`,
          }),
        );
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return pdfs;
}

/**
 * Publishes the content's meetings to outDir. Refuses (writes nothing) while the privacy guard
 * has findings or the content does not load. Files of an earlier publication that are no longer
 * part of the site (a handling since withheld) are removed.
 */
export async function publish(
  target: string,
  outDir: string,
  options: { onLine?: (line: string) => void; pdf?: boolean } = {},
): Promise<PublishResult> {
  const onLine = options.onLine ?? (() => undefined);
  const wantPdf = options.pdf ?? true;
  const soffice = hasSoffice();
  const pdf = wantPdf && soffice;
  const plan = planSite(target, { pdf });
  if (plan.blocking.length > 0) return { plan, written: [] };
  assertOutsideContent(outDir, plan.contentRoot);
  assertSiteFolder(outDir);
  const pdfs = pdf ? await makePdfs(plan, onLine) : new Map<string, Uint8Array>();
  const site = new Map<string, string | Uint8Array>([...plan.files, ...pdfs, [SITE_MARKER, 'handlingar publicera\n']]);
  // Links to PDFs that could not be made would be broken: every link was planned for a PDF.
  const missing = plan.meetings.flatMap((m) => m.pdfJobs).filter((job) => !pdfs.has(job.target));
  if (pdf && missing.length > 0)
    throw new UsageError(`LibreOffice gav ingen PDF för ${missing.map((job) => job.target).join(', ')}`);
  for (const [file, content] of [...site.entries()].sort(([a], [b]) => a.localeCompare(b)))
    writeAtomically(path.join(outDir, file), typeof content === 'string' ? Buffer.from(content) : content);
  for (const stale of listFiles(outDir)) if (!site.has(stale)) rmSync(path.join(outDir, stale), { force: true });
  const written = [...site.keys()].filter((file) => file !== SITE_MARKER).sort();
  return {
    plan,
    written,
    ...(pdf
      ? {}
      : {
          pdfSkipped: wantPdf
            ? `${SOFFICE_MISSING.replace('ingen PDF kan skapas', 'inga PDF:er skapades; webbsidorna publicerades utan dem')}`
            : 'inga PDF:er skapades (--utan-pdf)',
        }),
  };
}
