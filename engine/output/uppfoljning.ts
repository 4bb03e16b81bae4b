// `handlingar uppfoljning`: the half-year follow-up PM of one period as Word (and HTML), written
// through a staging folder like every build, so that --pdf can add the PDF before it replaces
// the output folder.
import path from 'node:path';
import type { FollowUpCheck } from '../check/run-uppfoljning.js';
import { checkFollowUpPeriod } from '../check/run.js';
import { planFollowUp } from '../documents/uppfoljning.js';
import { draftMark, type PlannedDocument } from '../documents/kind.js';
import { countBySeverity } from '../findings.js';
import { resolveMeetingDirs } from '../load/content.js';
import { formatFinding, formatFindingLine } from '../report/text.js';
import { renderDocx } from '../writers/docx/render.js';
import { isStructural, loadTemplates } from './build.js';
import { renderHtmlDocument } from './html.js';
import { assertPdfTools, buildPacket } from './pdf.js';
import { assertOutsideContent, assertUsableOutDir, Staging } from './write.js';

export interface FollowUpBuild {
  check: FollowUpCheck;
  stopped?: string;
  outDir?: string;
  document?: PlannedDocument<'uppfoljning'>;
  /** The Word file, in the staging folder until `commit` when deferred. */
  file?: string;
  commit?: () => void;
  discard?: () => void;
}

export function buildFollowUp(
  target: string,
  period: string,
  options: { outDir?: string; html?: boolean; defer?: boolean } = {},
): FollowUpBuild {
  const result = checkFollowUpPeriod(target, period);
  if (result.findings.some(isStructural) || !result.forbund)
    return { check: result, stopped: 'innehållet kan inte läsas' };
  const { contentRoot } = resolveMeetingDirs(target);
  const outDir = options.outDir ?? path.join('out', `uppfoljning-${period}`);
  assertOutsideContent(outDir, contentRoot);
  assertUsableOutDir(outDir);
  const { errors } = countBySeverity(result.findings);
  const planned = planFollowUp(result.forbund, result.derived, result.followUp.periodFile?.data);
  const draft = draftMark(errors);
  const document = draft ? { ...planned, draft } : planned;
  const template = loadTemplates(['uppfoljning'], contentRoot).get('uppfoljning')!;
  const bytes = renderDocx(template.bytes, document, {
    title: document.title,
    creator: result.forbund.namn,
    language: 'sv-SE',
    date: result.derived.period.till,
  });
  const staging = new Staging(outDir);
  try {
    staging.write(`${document.name}.docx`, bytes);
    if (options.html) staging.write(`${document.name}.html`, Buffer.from(renderHtmlDocument(document)));
  } catch (error) {
    staging.discard();
    throw error;
  }
  if (options.defer)
    return {
      check: result,
      outDir,
      document,
      file: path.join(staging.dir, `${document.name}.docx`),
      commit: () => staging.commit(),
      discard: () => staging.discard(),
    };
  staging.commit();
  return { check: result, outDir, document, file: path.join(outDir, `${document.name}.docx`) };
}

/** What the command prints to. */
interface Printer {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The command's work, kept out of cli.ts: check, then (unless --check) write; returns the exit code. */
export async function runFollowUp(
  target: string,
  options: { period: string; out?: string; check?: boolean; html?: boolean; pdf?: boolean },
  io: Printer,
): Promise<number> {
  const started = performance.now();
  if (options.check) {
    const result = checkFollowUpPeriod(target, options.period);
    const summary = countBySeverity(result.findings);
    for (const finding of result.findings) io.out(`${formatFinding(finding)}\n`);
    io.out(
      `${summary.errors} fel, ${summary.warnings} varningar i uppföljningen ${options.period} (${result.derived.reports.length} rapporter, ${result.derived.active.length} insatser under perioden)`,
    );
    return summary.errors > 0 ? 1 : 0;
  }
  if (options.pdf) assertPdfTools();
  const built = buildFollowUp(target, options.period, {
    ...(options.out ? { outDir: options.out } : {}),
    ...(options.html ? { html: true } : {}),
    ...(options.pdf ? { defer: true } : {}),
  });
  const summary = countBySeverity(built.check.findings);
  for (const finding of built.check.findings) io.out(formatFindingLine(finding));
  if (built.stopped || !built.document || !built.file) {
    io.err(`handlingar: inget skrevs: ${built.stopped ?? 'okänt fel'}; se fynden ovan`);
    return 1;
  }
  let pdf = '';
  if (options.pdf) {
    try {
      const forbund = built.check.forbund!.namn;
      const packet = await buildPacket(
        [{ file: built.file, document: built.document }],
        path.dirname(built.file),
        { title: built.document.title, author: forbund, date: built.check.derived.period.till, subject: forbund },
        (converted) => io.out(`  pdf  ${path.basename(converted)}`),
        `${built.document.name}.pdf`,
      );
      for (const warning of packet.warnings) io.err(warning);
      built.commit!();
      pdf = `, ${path.join(built.outDir!, path.basename(packet.file))} (${packet.pages} sidor)`;
    } finally {
      built.discard!();
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2).replace('.', ',');
  io.out(
    `${path.join(built.outDir!, `${built.document.name}.docx`)}${pdf} – ${summary.errors} fel, ${summary.warnings} varningar i kontrollen – ${seconds} s`,
  );
  return 0;
}
