// The pages of the published site: the index of meetings, a page per meeting and a page per
// handling. Plain semantic HTML and one stylesheet, no JavaScript (the preview alone adds a
// line that reloads the page): lang="sv", a skip link, landmarks, headings without gaps,
// tables with headers, visible focus and print styles. Nothing reads the clock, so the same
// content gives the same bytes.
import type { Block } from '../../../schemas/document.js';
import { blocksHtml, DOCUMENT_STYLE, escapeHtml } from '../../writers/html.js';

export const STYLESHEET = `${DOCUMENT_STYLE}
.hoppa{position:absolute;left:-999rem;top:0;background:#fff;padding:.5rem;z-index:1}.hoppa:focus{left:1rem}
a{color:#1a4e8a}a:hover{text-decoration-thickness:2px}
a:focus-visible,a:focus{outline:3px solid #1a4e8a;outline-offset:2px;background:#fff3b0;color:#1a1a1a}
nav.smulor ol{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.25rem}
nav.smulor li+li::before{content:"›";padding:0 .4rem 0 .2rem;color:#555}
header.webbplats{border-bottom:1px solid #999;margin-bottom:1rem}header.webbplats p{margin:.25rem 0;font-weight:bold}
dl.uppgifter{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.uppgifter dt{font-weight:bold}dl.uppgifter dd{margin:0}
ul.handlingar{margin:0;padding-left:1.1rem}td.namn{white-space:nowrap}.innehålls{color:#5c1a1a}.format{font-size:.9rem}
footer{border-top:1px solid #999;margin-top:2rem;padding-top:.5rem;font-size:.9rem}
.dold{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{.hoppa,nav.smulor,footer,.format{display:none}a{text-decoration:none}body{font-size:11pt}}
`;

export interface Crumb {
  label: string;
  /** Relative link; the last crumb (the page itself) has none. */
  href?: string;
}

export interface PageShell {
  title: string;
  /** The site's owner, shown on every page. */
  förbund: string;
  /** Path from the page to the stylesheet: "stil.css" or "../stil.css". */
  stylesheet: string;
  crumbs: readonly Crumb[];
  /** The page's content: HTML that starts with its <h1>. */
  main: string;
  /** Added before </body> by the preview only. */
  script?: string;
}

export function page(shell: PageShell): string {
  const crumbs = shell.crumbs
    .map((crumb) =>
      crumb.href
        ? `<li><a href="${escapeHtml(crumb.href)}">${escapeHtml(crumb.label)}</a></li>`
        : `<li><span aria-current="page">${escapeHtml(crumb.label)}</span></li>`,
    )
    .join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="sv">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(shell.title)} – ${escapeHtml(shell.förbund)}</title>`,
    `<link rel="stylesheet" href="${shell.stylesheet}">`,
    '</head>',
    '<body>',
    '<a class="hoppa" href="#innehall">Till innehållet</a>',
    '<header class="webbplats">',
    `<p>${escapeHtml(shell.förbund)}</p>`,
    `<nav class="smulor" aria-label="Här är du"><ol>${crumbs}</ol></nav>`,
    '</header>',
    '<main id="innehall" tabindex="-1">',
    shell.main,
    '</main>',
    '<footer><p>Publicerat med handlingar. Handlingar som inte publiceras anges med skälet.</p></footer>',
    shell.script ?? '',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

export interface MeetingLink {
  href: string;
  /** «12 september 2024» */
  date: string;
  organ: string;
  /** YYYY-MM-DD, for ordering. */
  iso: string;
}

/** The index: meetings newest first, grouped by organ (the organs in alphabetical order). */
export function indexMain(förbund: string, meetings: readonly MeetingLink[]): string {
  const organs = [...new Set(meetings.map((m) => m.organ))].sort((a, b) => a.localeCompare(b, 'sv'));
  const sections = organs.map((organ) => {
    const items = meetings
      .filter((m) => m.organ === organ)
      .sort((a, b) => b.iso.localeCompare(a.iso) || a.href.localeCompare(b.href))
      .map((m) => `<li><a href="${escapeHtml(m.href)}">${escapeHtml(m.date)}</a></li>`);
    return `<h2>${escapeHtml(organ)}</h2>\n<ul>${items.join('')}</ul>`;
  });
  return [
    `<h1>Sammanträden</h1>`,
    `<p>Kallelser och handlingar till ${escapeHtml(förbund)}s sammanträden, det senaste först.</p>`,
    ...sections,
  ].join('\n');
}

/** A handling as listed on the meeting page: its page and PDF, or why it is withheld. */
export interface HandlingLink {
  /** «Bilaga 5.1» (none for the kallelse). */
  bilaga?: string;
  label: string;
  /** Its web page, when it has one. */
  html?: string;
  /** Its file: the PDF, or an attached file as it is. */
  file?: { href: string; format: string };
  withheld?: string;
}

function handlingHtml(handling: HandlingLink): string {
  const name = `${handling.bilaga ? `Bilaga ${handling.bilaga}: ` : ''}${handling.label}`;
  if (handling.withheld)
    return `${escapeHtml(name)}. <strong class="innehålls">Handlingen publiceras inte.</strong> ${escapeHtml(handling.withheld)}`;
  const main = handling.html ? `<a href="${escapeHtml(handling.html)}">${escapeHtml(name)}</a>` : escapeHtml(name);
  const file = handling.file
    ? ` (<a href="${escapeHtml(handling.file.href)}">${handling.file.format}<span class="dold">, ${escapeHtml(name)}</span></a>)`
    : '';
  return `${main}${file}`;
}

export interface AgendaRow {
  number: number;
  rubrik: string;
  föredragande?: string;
  note?: string;
  handlingar: HandlingLink[];
}

/**
 * A record of the meeting as a whole: the kallelse now; the protokoll (with the date it was
 * justerat) and the anslag (with its dates) are further rows when they exist.
 */
export interface MeetingRecord {
  label: string;
  /** What the row says about when: «utfärdad 2024-08-29», «justerat 2024-09-26». */
  when?: string;
  handling: HandlingLink;
}

export interface MeetingPage {
  heading: string;
  facts: readonly [string, string][];
  records: readonly MeetingRecord[];
  agenda: readonly AgendaRow[];
  draft?: string;
}

export function meetingMain(meeting: MeetingPage): string {
  const facts = meeting.facts.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`);
  // The date column appears once a record has a date (the protokoll's justering, the anslag).
  const dated = meeting.records.some((record) => record.when);
  const records = meeting.records.map(
    (record) =>
      `<tr><th scope="row">${escapeHtml(record.label)}</th>${dated ? `<td>${escapeHtml(record.when ?? '')}</td>` : ''}<td>${handlingHtml(record.handling)}</td></tr>`,
  );
  const agenda = meeting.agenda.map((row) => {
    const handlingar = row.handlingar.length
      ? `<ul class="handlingar">${row.handlingar.map((h) => `<li>${handlingHtml(h)}</li>`).join('')}</ul>`
      : escapeHtml(row.note ?? '');
    return `<tr><td class="tal">${row.number}</td><th scope="row">${escapeHtml(row.rubrik)}</th><td class="namn">${escapeHtml(row.föredragande ?? '')}</td><td>${handlingar}</td></tr>`;
  });
  return [
    `<h1>${escapeHtml(meeting.heading)}</h1>`,
    meeting.draft ? `<p><strong class="innehålls">${escapeHtml(meeting.draft)}</strong></p>` : '',
    `<dl class="uppgifter">${facts.join('')}</dl>`,
    '<h2>Mötets handlingar</h2>',
    `<table><thead><tr><th scope="col">Handling</th>${dated ? '<th scope="col">Datum</th>' : ''}<th scope="col">Läs</th></tr></thead>`,
    `<tbody>${records.join('')}</tbody></table>`,
    '<h2>Föredragningslista</h2>',
    '<table><thead><tr><th scope="col">Nr</th><th scope="col">Ärende</th><th scope="col">Föredragande</th><th scope="col">Handlingar</th></tr></thead>',
    `<tbody>${agenda.join('\n')}</tbody></table>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** A handling's page: a link to its PDF (when there is one), then the document itself. */
export function handlingMain(blocks: readonly Block[], pdf?: { href: string; label: string }): string {
  const body = blocksHtml(blocks);
  if (!pdf) return body;
  const link = `<p class="format"><a href="${escapeHtml(pdf.href)}">Handlingen som PDF<span class="dold">: ${escapeHtml(pdf.label)}</span></a></p>`;
  // After the document's own <h1>, so that the page still starts with its heading.
  const end = body.indexOf('</h1>');
  return end >= 0 ? `${body.slice(0, end + 5)}\n${link}${body.slice(end + 5)}` : `${link}\n${body}`;
}
