// `handlingar build`: check the meeting, plan its documents, fill the templates and write
// the packet. Content that does not load stops the build; reconciliation findings do not,
// unless strict, so the packet can be produced with the findings in hand.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentKindName } from '../../schemas/index.js';
import { check, type CheckResult } from '../check/run.js';
import { draftMark, type PlannedDocument } from '../documents/kind.js';
import { KALLELSE_PACKET, PROTOKOLL_PACKET, planProduct } from '../documents/packet.js';
import { UserError } from '../errors.js';
import { countBySeverity, type Finding } from '../findings.js';
import { ContentPathError } from '../load/content.js';
import { renderDocx, RenderError } from '../writers/docx/render.js';
import { checkTemplateTags, findTemplate, type Template } from '../writers/docx/template.js';
import { renderHtmlDocument } from './html.js';
import { assertOutsideContent, assertUsableOutDir, fileSystemError, Staging } from './write.js';

export class TemplateRefusedError extends UserError {}

/** The folder of the output that holds the protokoll, anslagsbevis and protokollsutdrag. */
export const PROTOCOL_FOLDER = 'protokoll';

export interface BuildOptions {
  outDir?: string;
  strict?: boolean;
  /** Also write each document as an HTML page (<name>.html) beside its Word file. */
  html?: boolean;
  /** Called once per document as it is written. */
  onDocument?: (file: string, document: PlannedDocument) => void;
  /**
   * What each file was last built from (a hash of its data and template). A document whose
   * hash is unchanged is neither rendered nor written again; `--watch` keeps this between builds.
   */
  cache?: Map<string, string>;
  /**
   * Leave the files in the staging folder (`staging`, with `documents` pointing there) for the
   * caller to add to (the PDF packet) and then `commit`; without it, build commits itself.
   */
  defer?: boolean;
}

export interface BuildResult {
  check: CheckResult;
  outDir?: string;
  written: string[];
  /** The documents of the packet, in agenda order, with their files. */
  documents: { file: string; document: PlannedDocument }[];
  /** The files rendered and written by this build (all of them, without a cache). */
  rendered: string[];
  /**
   * The protokoll, anslagsbevis and protokollsutdrag, once the meeting has a protokoll.yaml: a
   * product of its own, written to <out>/protokoll/.
   */
  protocol?: { outDir: string; documents: { file: string; document: PlannedDocument }[] };
  /** Why nothing was written, when nothing was. */
  stopped?: 'innehållet kan inte läsas' | 'fel i kontrollen (--strict)';
  /** With `defer`: the staging folder the files are in, and how to put it in place or drop it. */
  staging?: string;
  commit?: () => void;
  discard?: () => void;
}

/**
 * Findings after which no packet can be built: the content did not load as a whole, a bilaga
 * cannot be read, or a document would state money that cannot be (counted twice, negative,
 * zero for want of a budget) or a year that is a typing error.
 */
const BLOCKING: ReadonlySet<string> = new Set([
  'ansökan.flera-ärenden',
  'ansökan.budget-saknas',
  'justering.överskrider',
  'datum.horisont',
]);
export const isStructural = (finding: Finding) =>
  finding.severity === 'fel' &&
  (/^(yaml|fil|schema|bilaga)\.|^ref\.(ärende|ansökan|bilaga)-saknas$|^möte\.uppgift-saknas$/.test(finding.code) ||
    BLOCKING.has(finding.code));

/** The templates of a build, each read (and, for an organisation's own, checked) once. */
export function loadTemplates(kinds: Iterable<DocumentKindName>, contentRoot: string): Map<DocumentKindName, Template> {
  const templates = new Map<DocumentKindName, Template>();
  for (const kind of kinds) {
    let template: Template;
    try {
      template = findTemplate(kind, path.join(contentRoot, 'mallar'));
    } catch (error) {
      throw fileSystemError(error, path.join(contentRoot, 'mallar', `${kind}.docx`));
    }
    if (!template.origin.startsWith('inbyggd')) {
      // The same checks as `handlingar mallar check`.
      const problems = checkTemplateTags(kind, template.bytes);
      if (problems.length > 0)
        throw new TemplateRefusedError(`mallen ${template.origin} används inte:\n  ${problems.join('\n  ')}`);
    }
    templates.set(kind, template);
  }
  return templates;
}

/** The template a rendered document uses; every kind that is rendered had its template loaded. */
function templateOf(templates: ReadonlyMap<DocumentKindName, Template>, document: PlannedDocument): Template {
  const template = templates.get(document.kind);
  if (!template) throw new Error(`ingen mall laddad för ${document.kind}`);
  return template;
}

/** A document rendered with its template; a template that fails is named in the error. */
function renderWith(template: Template, document: PlannedDocument, creator: string, date: string): Buffer {
  try {
    return renderDocx(template.bytes, document, { title: document.title, creator, language: 'sv-SE', date });
  } catch (error) {
    if (error instanceof RenderError) throw new TemplateRefusedError(`${template.origin}: ${error.message}`);
    throw error;
  }
}

export function build(target: string, options: BuildOptions = {}): BuildResult {
  const result = check(target);
  if (result.meetings.length !== 1)
    throw new ContentPathError(
      `ange en mötesmapp, t.ex. content/moten/2024-09-12 (${target} har ${result.meetings.length} möten)`,
    );
  const checked = result.meetings[0]!;
  const meeting = checked.model;
  if (result.findings.some(isStructural) || !meeting.mote || !meeting.forbund) {
    return { check: result, written: [], documents: [], rendered: [], stopped: 'innehållet kan inte läsas' };
  }
  if (options.strict && result.findings.some((finding) => finding.severity === 'fel')) {
    return { check: result, written: [], documents: [], rendered: [], stopped: 'fel i kontrollen (--strict)' };
  }
  const mote = meeting.mote.data;
  const forbund = meeting.forbund.data;
  const outDir = options.outDir ?? path.join('out', mote.datum);
  assertOutsideContent(outDir, meeting.contentRoot);
  assertUsableOutDir(outDir);

  // While check has errors, every document says so before anything else.
  const draft = draftMark(countBySeverity(result.findings).errors);
  const marked = (document: PlannedDocument) => (draft ? { ...document, draft } : document);
  const documents = planProduct(KALLELSE_PACKET, checked).map(marked);
  const protocolDocuments = planProduct(PROTOKOLL_PACKET, checked).map(marked);
  const templates = loadTemplates(
    new Set([...documents, ...protocolDocuments].filter((d) => !d.copyFrom).map((d) => d.kind)),
    meeting.contentRoot,
  );
  // Render everything before writing anything, so that a failing template leaves no half packet.
  const render = (document: PlannedDocument, folder: string) => {
    const name = path.join(folder, document.copyFrom ? document.name : `${document.name}.docx`);
    const file = path.join(outDir, name);
    const template = templates.get(document.kind);
    const source = document.copyFrom ? readFileSync(document.copyFrom) : undefined;
    const hash = createHash('sha256')
      .update(JSON.stringify([document.data, document.orientation, document.draft]))
      .update(source ?? template?.bytes ?? '')
      .digest('hex');
    const unchanged = options.cache?.get(file) === hash && existsSync(file);
    const bytes = unchanged
      ? undefined
      : (source ?? renderWith(templateOf(templates, document), document, forbund.namn, mote.datum));
    const html = options.html ? renderHtmlDocument(document) : undefined;
    return { document, name, file, hash, bytes, html };
  };
  const files = documents.map((document) => render(document, ''));
  const protocolFiles = protocolDocuments.map((document) => render(document, PROTOCOL_FOLDER));
  // Everything is written to a staging folder beside the output folder, which then replaces
  // the output folder as a whole: it holds exactly this build's files, never a mix with an
  // earlier build's (an old numbering), and an interrupted build leaves the old one as it was.
  const staging = new Staging(outDir);
  try {
    for (const { document, name, file, hash, bytes, html } of [...files, ...protocolFiles]) {
      if (html !== undefined) staging.write(`${name.replace(/\.\w+$/, '')}.html`, Buffer.from(html));
      if (!bytes) {
        staging.copy(name, file);
        continue;
      }
      staging.write(name, bytes);
      options.cache?.set(file, hash);
      options.onDocument?.(file, document);
    }
  } catch (error) {
    staging.discard();
    throw error;
  }
  // The protokoll, when there is one, is a product of its own in a folder of the output.
  const protocol = (dir: string) =>
    protocolFiles.length > 0
      ? {
          protocol: {
            outDir: path.join(dir, PROTOCOL_FOLDER),
            documents: protocolFiles.map(({ name, document }) => ({ file: path.join(dir, name), document })),
          },
        }
      : {};
  if (options.defer) {
    return {
      check: result,
      outDir,
      written: files.map((f) => f.file),
      documents: files.map(({ name, document }) => ({ file: path.join(staging.dir, name), document })),
      rendered: [...files, ...protocolFiles].filter((f) => f.bytes).map((f) => f.file),
      ...protocol(staging.dir),
      staging: staging.dir,
      commit: () => staging.commit(),
      discard: () => staging.discard(),
    };
  }
  staging.commit();
  return {
    check: result,
    outDir,
    written: files.map((f) => f.file),
    documents: files.map(({ file, document }) => ({ file, document })),
    rendered: [...files, ...protocolFiles].filter((f) => f.bytes).map((f) => f.file),
    ...protocol(outDir),
  };
}
