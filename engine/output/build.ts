// `handlingar build`: check the meeting, plan its documents, fill the templates and write
// the packet. Content that does not load stops the build; reconciliation findings do not,
// unless strict, so the packet can be produced with the findings in hand.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentKindName } from '../../schemas/index.js';
import { check, type CheckResult } from '../check/run.js';
import type { PlannedDocument } from '../documents/kind.js';
import { KALLELSE_PACKET, PROTOKOLL_PACKET, planProduct } from '../documents/packet.js';
import { UserError } from '../errors.js';
import type { Finding } from '../findings.js';
import { ContentPathError } from '../load/content.js';
import { renderDocx } from '../writers/docx/render.js';
import { checkTemplateTags, findTemplate, type Template } from '../writers/docx/template.js';
import { renderHtmlDocument } from './html.js';
import { assertOutsideContent, writeAtomically } from './write.js';

export class TemplateRefusedError extends UserError {}

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
}

/** Findings that mean the content did not load as a whole: no packet can be built from it. */
export const isStructural = (finding: Finding) =>
  finding.severity === 'fel' &&
  /^(yaml|fil|schema)\.|^ref\.(ärende|ansökan|bilaga)-saknas$|^möte\.uppgift-saknas$/.test(finding.code);

/** The templates of a build, each read (and, for an organisation's own, checked) once. */
function loadTemplates(kinds: Iterable<DocumentKindName>, contentRoot: string): Map<DocumentKindName, Template> {
  const templates = new Map<DocumentKindName, Template>();
  for (const kind of kinds) {
    const template = findTemplate(kind, path.join(contentRoot, 'mallar'));
    if (!template.origin.startsWith('inbyggd')) {
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

  const documents = planProduct(KALLELSE_PACKET, checked);
  const protocolDir = path.join(outDir, 'protokoll');
  const protocolDocuments = planProduct(PROTOKOLL_PACKET, checked);
  const templates = loadTemplates(
    new Set([...documents, ...protocolDocuments].filter((d) => !d.copyFrom).map((d) => d.kind)),
    meeting.contentRoot,
  );
  // Render everything before writing anything, so that a failing template leaves no half packet.
  const render = (document: PlannedDocument, dir: string) => {
    const file = path.join(dir, document.copyFrom ? document.name : `${document.name}.docx`);
    const template = templates.get(document.kind);
    const source = document.copyFrom ? readFileSync(document.copyFrom) : undefined;
    const hash = createHash('sha256')
      .update(JSON.stringify([document.data, document.orientation]))
      .update(source ?? template?.bytes ?? '')
      .digest('hex');
    const unchanged = options.cache?.get(file) === hash && existsSync(file);
    const bytes = unchanged
      ? undefined
      : (source ??
        renderDocx(templateOf(templates, document).bytes, document, {
          title: document.title,
          creator: forbund.namn,
          language: 'sv-SE',
          date: mote.datum,
        }));
    const html = options.html ? renderHtmlDocument(document) : undefined;
    return { document, file, hash, bytes, html, dir };
  };
  const files = documents.map((document) => render(document, outDir));
  const protocolFiles = protocolDocuments.map((document) => render(document, protocolDir));
  for (const { document, file, hash, bytes, html, dir } of [...files, ...protocolFiles]) {
    if (html !== undefined)
      writeAtomically(path.join(dir, `${document.name.replace(/\.\w+$/, '')}.html`), Buffer.from(html));
    if (!bytes) continue;
    writeAtomically(file, bytes);
    options.cache?.set(file, hash);
    options.onDocument?.(file, document);
  }
  return {
    check: result,
    outDir,
    written: files.map((f) => f.file),
    documents: files.map(({ file, document }) => ({ file, document })),
    rendered: [...files, ...protocolFiles].filter((f) => f.bytes).map((f) => f.file),
    ...(protocolFiles.length > 0
      ? {
          protocol: { outDir: protocolDir, documents: protocolFiles.map(({ file, document }) => ({ file, document })) },
        }
      : {}),
  };
}
