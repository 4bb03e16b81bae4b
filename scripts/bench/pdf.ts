// npm run bench:pdf: the PDF step of `build --pdf` for the example meeting against
// LibreOffice's own conversion of the same documents. Runs alternate (LibreOffice alone, the
// whole packet) so that a busy machine weighs on both alike; prints every run and the medians.
// Not part of npm test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../engine/output/build.js';
import { buildPacket, convertToPdf } from '../../engine/output/pdf.js';

const MEETING = 'content/moten/2024-09-12';
const runs = Number(process.argv[2] ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

const out = mkdtempSync(path.join(tmpdir(), 'handlingar-bench-pdf-'));
try {
  const result = build(MEETING, { outDir: out });
  const docx = result.documents.filter(({ file }) => file.endsWith('.docx')).map(({ file }) => path.resolve(file));
  const metadata = { title: 'Handlingar', author: 'Förbundet', date: '2024-09-12', subject: 'Förbundsstyrelsen' };
  const alone: number[] = [];
  const packet: number[] = [];
  const tail: number[] = [];
  const ownCpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const work = mkdtempSync(path.join(tmpdir(), 'handlingar-bench-lo-'));
    let start = performance.now();
    await convertToPdf(docx, work, () => undefined);
    alone.push(performance.now() - start);
    rmSync(work, { recursive: true, force: true });
    start = performance.now();
    const cpu = process.cpuUsage();
    const { pages, timing } = await buildPacket(result.documents, out, metadata, () => undefined);
    packet.push(performance.now() - start);
    tail.push(timing.total - timing.conversion);
    const used = process.cpuUsage(cpu);
    ownCpu.push((used.user + used.system) / 1000);
    console.log(
      `körning ${run + 1}: LibreOffice ensam ${seconds(alone.at(-1)!)}, hela PDF-steget ${seconds(packet.at(-1)!)}, varav efter LibreOffice ${seconds(tail.at(-1)!)}, processortid i Node ${seconds(ownCpu.at(-1)!)} (${pages} sidor)`,
    );
  }
  const ratio = median(packet) / median(alone);
  console.log(
    `median: LibreOffice ensam ${seconds(median(alone))}, hela PDF-steget ${seconds(median(packet))}, efter LibreOffice ${seconds(median(tail))}, kvot ${ratio.toFixed(2).replace('.', ',')}`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
