// Dates that must be in order: periods, the justering after the meeting, and insatser
// that would start before the board has decided on them.
import { finding, type Finding } from '../findings.js';
import type { MeetingModel } from '../load/content.js';

export function checkDates(meeting: MeetingModel): Finding[] {
  const findings: Finding[] = [];
  const mote = meeting.mote;
  if (mote?.data.justering && mote.data.justering.datum < mote.data.datum) {
    findings.push(
      finding(
        'datum.ordning',
        mote.source,
        ['justering', 'datum'],
        `justeringen ${mote.data.justering.datum} ligger före mötet ${mote.data.datum}`,
      ),
    );
  }
  for (const [, arende] of meeting.arenden) {
    const period = arende.data.beslut?.period;
    if (period && period.från > period.till) {
      findings.push(
        finding(
          'datum.ordning',
          arende.source,
          ['beslut', 'period', 'till'],
          `beslutets period slutar ${period.till}, före sin start ${period.från}`,
        ),
      );
    }
  }
  for (const [, { data, source }] of meeting.ansokningar) {
    const { från, till } = data.period;
    if (från > till)
      findings.push(
        finding('datum.ordning', source, ['period', 'till'], `perioden slutar ${till}, före sin start ${från}`),
      );
    if (data.sista_intag && (data.sista_intag < från || data.sista_intag > till)) {
      findings.push(
        finding(
          'datum.ordning',
          source,
          ['sista_intag'],
          `sista intag ${data.sista_intag} ligger utanför perioden ${från}–${till}`,
        ),
      );
    }
    if (mote && från < mote.data.datum) {
      findings.push(
        finding(
          'datum.start-före-möte',
          source,
          ['period', 'från'],
          `insatsen startar ${från}, före mötet ${mote.data.datum} som beslutar om den`,
          {
            hint: 'Kontrollera startdatumet; ett beslut kan inte gälla retroaktivt utan att det sägs uttryckligen.',
          },
        ),
      );
    }
  }
  return findings;
}
