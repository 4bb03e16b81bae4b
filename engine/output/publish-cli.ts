// What `handlingar publicera` and `handlingar förhandsgranska` say on the terminal: kept out
// of engine/cli.ts, which only declares the commands.
import path from 'node:path';
import { countBySeverity } from '../findings.js';
import { formatFinding, formatFindingLine } from '../report/text.js';
import { UsageError } from '../errors.js';
import { endWatchOnCtrlC } from './interrupt.js';
import { isPrivacyFinding, publish } from './publish.js';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit codes as the CLI's: 0 published, 1 refused; SIGINT ends the preview with 130. */
const EXIT_OK = 0;
const EXIT_REFUSED = 1;
export const EXIT_INTERRUPTED = 130;

export async function publishCommand(
  target: string,
  options: { out: string; utanPdf?: boolean },
  io: Io,
): Promise<number> {
  const started = performance.now();
  const result = await publish(target, options.out, { onLine: io.out, pdf: !options.utanPdf });
  const { plan } = result;
  if (plan.blocking.length > 0) {
    for (const finding of plan.blocking) io.out(`${formatFinding(finding)}\n`);
    const privacy = plan.blocking.filter(isPrivacyFinding).length;
    io.err(
      `handlingar: inget publicerades: ${
        privacy > 0
          ? `integritetskontrollen hittade ${privacy} uppgift${privacy === 1 ? '' : 'er'} som inte får publiceras`
          : 'innehållet kan inte läsas'
      }; se fynden ovan`,
    );
    return EXIT_REFUSED;
  }
  for (const finding of plan.check.findings) io.out(formatFindingLine(finding));
  const summary = countBySeverity(plan.check.findings);
  const pages = result.written.filter((file) => file.endsWith('.html')).length;
  const pdfs = result.written.filter((file) => file.endsWith('.pdf')).length;
  if (result.pdfSkipped) io.err(`OBS: ${result.pdfSkipped}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2).replace('.', ',');
  io.out(
    `${plan.meetings.length} ${plan.meetings.length === 1 ? 'möte' : 'möten'}, ${pages} webbsidor och ${pdfs} PDF:er i ${path.join(options.out, 'index.html')} – ${summary.errors} fel, ${summary.warnings} varningar i kontrollen – ${seconds} s`,
  );
  return EXIT_OK;
}

export async function previewCommand(target: string, options: { port: string }, io: Io): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`ogiltig port «${options.port}»`);
  const { previewMeeting } = await import('./preview.js');
  const controller = new AbortController();
  // Ctrl+C is how a preview ends: the command's interrupt handler hands it over, and the
  // preview closes its server and watcher before saying so.
  endWatchOnCtrlC(() => controller.abort());
  try {
    await previewMeeting(target, {
      port,
      signal: controller.signal,
      onReady: (url) => io.out(`Förhandsgranskningen visas på ${url} – avsluta med Ctrl+C`),
      onRebuild: (changed, findings, ms) => {
        for (const finding of findings.filter(isPrivacyFinding)) io.out(formatFindingLine(finding));
        const privacy = findings.filter(isPrivacyFinding).length;
        io.out(
          `${changed.length > 0 ? `ändrat: ${changed.join(', ')} – ` : ''}sidorna byggda på ${Math.round(ms)} ms${
            privacy > 0 ? ` – ${privacy} fynd stoppar publicering` : ''
          }`,
        );
      },
      onError: (error) => io.err(`handlingar: ${error instanceof Error ? error.message : String(error)}`),
    });
  } finally {
    endWatchOnCtrlC(undefined);
  }
  io.out('Förhandsgranskningen avslutad.');
  return EXIT_INTERRUPTED;
}
