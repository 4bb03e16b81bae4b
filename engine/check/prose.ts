// Figures cited in texts: every {{name}} must be a figure the engine knows.
import type { DerivedMeeting } from '../derive/meeting.js';
import { FIGURE_REFERENCE, OWN_FIGURES } from '../derive/figures.js';
import { finding, type Finding } from '../findings.js';
import { suggestClosest } from '../format/suggest.js';
import type { MeetingModel } from '../load/content.js';
import type { Path } from '../load/source.js';

export function checkProse(meeting: MeetingModel, derived: DerivedMeeting): Finding[] {
  const findings: Finding[] = [];
  for (const [slug, { data, source }] of meeting.arenden) {
    const known = Object.keys(derived.figures.get(slug) ?? {});
    // An ansökan that did not load has its own findings; its figures are not unknown names.
    const pending: readonly string[] = data.ansökan && meeting.broken.has(data.ansökan) ? OWN_FIGURES : [];
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
        if (known.includes(name) || pending.includes(name)) continue;
        const near = suggestClosest(name, known);
        findings.push(
          finding(
            'text.okänd-siffra',
            source,
            at,
            `{{${name}}} är ingen siffra som motorn känner till${near ? `; menade du {{${near}}}?` : ''}`,
            { hint: `Kända siffror här: ${known.join(', ')}.` },
          ),
        );
      }
    }
  }
  return findings;
}
