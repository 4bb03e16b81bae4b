// The kallelse: the meeting's day, time and place, the board, and the numbered
// föredragningslista with each item's handlingar.
import type { Block } from '../../schemas/document.js';
import { handlingText } from '../derive/agenda.js';
import { formatMeetingDay, formatTimeSpan } from '../format/swedish.js';
import { heading, labelled, plainParagraph, table, textCell, TEXT, ONE_LINE, row } from './blocks.js';
import type { DataOf, DocumentKind, MeetingContext } from './kind.js';
import { markdownInlines } from './markdown.js';

type Person = { namn: string; parti?: string; uppdrag?: string; representerar?: string };
const personLine = (member: Person) => ({
  text:
    [`${member.namn}${member.parti ? ` (${member.parti})` : ''}`, member.uppdrag].filter(Boolean).join(', ') +
    (member.representerar ? ` – ${member.representerar}` : ''),
});

const MISSING = 'uppgift saknas';

/** How an agenda item on choosing the justerare is recognised: «Val av justerare (och justeringstid)». */
const JUSTERING_ITEM = /\bjusterare\b/i;

function data({ forbund, mote, derived }: MeetingContext): DataOf<'kallelse'> {
  const chair = forbund.styrelse.ordinarie.find((member) => member.uppdrag === 'ordförande');
  return {
    förbund: forbund.namn,
    organ: mote.organ,
    rubrik: `Kallelse till ${mote.organ.toLowerCase()}s sammanträde`,
    dag: formatMeetingDay(mote.datum),
    // A build stops on a meeting without these (möte.uppgift-saknas); `data` shows them as missing.
    tid: mote.tid ? formatTimeSpan(mote.tid.från, mote.tid.till) : MISSING,
    plats: mote.plats ?? MISSING,
    förhinder: mote.förhinder ?? MISSING,
    medlemmar: forbund.medlemmar.map((member) => ({ namn: member.namn })),
    ordinarie: forbund.styrelse.ordinarie.map(personLine),
    ersättare: forbund.styrelse.ersättare.map(personLine),
    kansli: forbund.kansli.map((member) => ({ text: `${member.namn}, ${member.roll}` })),
    har_adjungerade: forbund.styrelse.adjungerade.length > 0,
    adjungerade: forbund.styrelse.adjungerade.map((person) => ({
      text: [person.namn, person.roll, person.organisation].filter(Boolean).join(', '),
    })),
    föredragningslista: [
      table(
        [TEXT, TEXT, ONE_LINE, TEXT],
        [
          row(
            'header',
            ['Nr', 'Ärenderubrik', 'Föredragande', 'Övriga uppgifter'].map((t) => textCell(t, true)),
          ),
          ...derived.agenda.map((item) => {
            const typed = mote.dagordning[item.index]!;
            const rubrik = item.arende?.rubrik ?? typed.rubrik ?? '';
            const uppgifter =
              // The item on which the justerare is chosen carries the proposal, wherever it stands.
              JUSTERING_ITEM.test(rubrik) && !item.arende && mote.justering
                ? `Förslag: ${mote.justering.justerare}. Justering ${formatMeetingDay(mote.justering.datum)}.`
                : item.bilagor.length > 0
                  ? `Handling – ${handlingText(item.bilagor)}`
                  : typed.information
                    ? 'Information'
                    : '';
            return row('line', [
              textCell(String(item.number)),
              textCell(markdownInlines(rubrik)),
              textCell(item.arende?.föredragande ?? typed.föredragande ?? ''),
              textCell(uppgifter),
            ]);
          }),
        ],
      ),
    ],
    ordförande: chair?.namn ?? '',
  };
}

function outline(d: DataOf<'kallelse'>): Block[] {
  const roster = (title: string, lines: readonly { text: string }[]): Block[] => [
    heading(3, title),
    { type: 'list', ordered: false, items: lines.map((line) => [plainParagraph(line.text, 'table')]) },
  ];
  return [
    heading(1, d.rubrik),
    labelled('Dag', d.dag),
    labelled('Tid', d.tid),
    labelled('Plats', d.plats),
    labelled('Anmälan om förhinder', `meddelas till ${d.förhinder}.`),
    heading(2, d.organ),
    ...roster(
      'Medlemsorganisationer',
      d.medlemmar.map((m) => ({ text: m.namn })),
    ),
    ...roster('Ordinarie ledamöter', d.ordinarie),
    ...roster('Ersättare', d.ersättare),
    ...(d.adjungerade.length ? roster('Adjungerade', d.adjungerade) : []),
    ...roster('Övriga / förbundets kansli', d.kansli),
    heading(2, 'Föredragningslista'),
    ...d.föredragningslista,
    plainParagraph('Välkomna!'),
    plainParagraph(`${d.ordförande}, ordförande`),
  ];
}

export const kallelse: DocumentKind<'kallelse'> = {
  name: 'kallelse',
  scope: 'meeting',
  plan: (context) => [
    { name: '00-kallelse', kind: 'kallelse', title: 'Kallelse', orientation: 'portrait', data: data(context) },
  ],
  outline,
};
