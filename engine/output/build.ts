// `handlingar build`: check the meeting, plan its documents, fill the templates and write
// the packet. Content that does not load stops the build; reconciliation findings do not,
// unless strict, so the packet can be produced with the findings in hand.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TemplateKind } from '../../schemas/templates.js';
import { planDocuments, type PlannedDocument } from '../derive/documents.js';
import type { Finding } from '../findings.js';
import { check, type CheckResult } from '../index.js';
import { ContentPathError } from '../load/content.js';
import { renderDocx } from '../render/docx.js';
import { checkTemplateTags, findTemplate, type Template } from '../render/template.js';
import { assertOutsideContent, writeAtomically } from './write.js';
import { UserError } from '../errors.js';

export class TemplateRefusedError extends UserError {}

export interface BuildOptions {
  outDir?: string;
  strict?: boolean;
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
  /** Why nothing was written, when nothing was. */
  stopped?: 'innehållet kan inte läsas' | 'fel i kontrollen (--strict)';
}

/** Findings that mean the content did not load as a whole: no packet can be built from it. */
export const isStructural = (finding: Finding) =>
  finding.severity === 'fel' && /^(yaml|fil|schema)\.|^ref\.(ärende|ansökan|bilaga)-saknas$/.test(finding.code);

/** The templates of a build, each read (and, for an organisation's own, checked) once. */
function loadTemplates(kinds: Iterable<TemplateKind>, contentRoot: string): Map<TemplateKind, Template> {
  const templates = new Map<TemplateKind, Template>();
  for (const kind of kinds) {
    const template = findTemplate(kind, contentRoot);
    if (!template.origin.startsWith('inbyggd')) {
      const problems = checkTemplateTags(kind, template.bytes);
      if (problems.length > 0)
        throw new TemplateRefusedError(`mallen ${template.origin} används inte:\n  ${problems.join('\n  ')}`);
    }
    templates.set(kind, template);
  }
  return templates;
}

export function build(target: string, options: BuildOptions = {}): BuildResult {
  const result = check(target);
  if (result.meetings.length !== 1)
    throw new ContentPathError(
      `ange en mötesmapp, t.ex. content/moten/2024-09-12 (${target} har ${result.meetings.length} möten)`,
    );
  const meeting = result.meetings[0]!;
  if (result.findings.some(isStructural) || !meeting.mote || !meeting.forbund) {
    return { check: result, written: [], documents: [], rendered: [], stopped: 'innehållet kan inte läsas' };
  }
  if (options.strict && result.findings.some((finding) => finding.severity === 'fel')) {
    return { check: result, written: [], documents: [], rendered: [], stopped: 'fel i kontrollen (--strict)' };
  }
  const outDir = options.outDir ?? path.join('out', meeting.mote.data.datum);
  assertOutsideContent(outDir, meeting.contentRoot);

  const documents = planDocuments(meeting);
  const templates = loadTemplates(
    new Set(documents.filter((d) => !d.copyFrom).map((d) => d.kind)),
    meeting.contentRoot,
  );
  // Render everything before writing anything, so that a failing template leaves no half packet.
  const files = documents.map((document) => {
    const file = path.join(outDir, document.copyFrom ? document.name : `${document.name}.docx`);
    const template = templates.get(document.kind);
    const source = document.copyFrom ? readFileSync(document.copyFrom) : undefined;
    const hash = createHash('sha256')
      .update(JSON.stringify([document.data, document.numberedLists]))
      .update(source ?? template!.bytes)
      .digest('hex');
    const unchanged = options.cache?.get(file) === hash && existsSync(file);
    const bytes = unchanged
      ? undefined
      : (source ?? renderDocx(template!.bytes, document.data, document.numberedLists));
    return { document, file, hash, bytes };
  });
  for (const { document, file, hash, bytes } of files) {
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
    rendered: files.filter((f) => f.bytes).map((f) => f.file),
  };
}
