// Figures cited in texts: every {{name}} must be a figure the engine knows.
import { arendeFigures, FIGURE_REFERENCE } from '../derive/figures.js';
import type { Finding } from '../findings.js';
import { suggestClosest } from '../format/suggest.js';
import type { MeetingModel } from '../load/content.js';
import type { Path } from '../load/source.js';
import { report } from './report.js';

export function checkProse(meeting: MeetingModel): Finding[] {
  const findings: Finding[] = [];
  for (const [slug, { data, source }] of meeting.arenden) {
    const known = Object.keys(arendeFigures(meeting, slug));
    const texts: [Path, string | undefined][] = [
      [['ärendet'], data.ärendet],
      [['bedömning'], data.bedömning],
      ...(data.förslag_till_beslut?.att ?? []).map((text, i): [Path, string] => [
        ['förslag_till_beslut', 'att', i],
        text,
      ]),
      ...data.bilagor.map((bilaga, i): [Path, string | undefined] => [['bilagor', i, 'text'], bilaga.text]),
    ];
    for (const [at, text] of texts) {
      for (const match of text?.matchAll(FIGURE_REFERENCE) ?? []) {
        const name = match[1]!;
        if (known.includes(name)) continue;
        const near = suggestClosest(name, known);
        findings.push(
          report(
            'text.okänd-siffra',
            source,
            at,
            `{{${name}}} är ingen siffra som motorn känner till${near ? `; menade du {{${near}}}?` : ''}`,
            {
              hint: `Kända siffror här: ${known.join(', ')}.`,
            },
          ),
        );
      }
    }
  }
  return findings;
}
