// The two tables a tjänsteskrivelse may show after its text, derived where seed 004 typed
// them by hand: the sammanställning of the meeting's ansökningar and ekonomisk information.
import type { Block, Row } from '../../schemas/document.js';
import type { Forbund } from '../../schemas/index.js';
import { KIND_LABEL, TYPE_LABEL } from '../format/labels.js';
import { formatAmount } from '../money.js';
import { amountCell, plainParagraph, row, table, textCell, TEXT, ONE_LINE, FIGURES } from './blocks.js';
import type { MeetingContext } from './kind.js';
import { markdownBlocks } from './markdown.js';

/** The short name a table writes for a party: the member's abbreviation (RU, FK), or its name. */
function shortName(forbund: Forbund, name: string): string {
  const member = forbund.medlemmar.find((m) => m.namn === name || m.kortnamn.includes(name));
  return member?.kortnamn.find((k) => k.length <= 3) ?? name;
}

/** Sammanställning av ansökningar: one row per ansökan decided at the meeting, and the sums. */
export function summaryTable({ forbund, derived }: MeetingContext): Block[] {
  const { rows, sökt, justeringar, beviljat } = derived.summary;
  const used = new Set<string>();
  const lines = rows.map(({ ansokan: { data }, decision }): Row => {
    const parties = data.samverkansparter.map((p) => shortName(forbund, p));
    parties.filter((p, i) => p !== data.samverkansparter[i]).forEach((p) => used.add(p));
    const age = data.målgrupp.ålder;
    return row('line', [
      textCell(data.insats),
      textCell([data.insatsägare, ...parties].join(', ')),
      textCell(TYPE_LABEL[data.typ]),
      textCell(age ? `${age.från}–${age.till} år` : ''),
      // From on one line, to on the next: a date is never broken at its hyphens.
      textCell([
        { type: 'text', text: `${data.period.från} –` },
        { type: 'break' },
        { type: 'text', text: data.period.till },
      ]),
      textCell(KIND_LABEL[data.ansökningstyp].short),
      amountCell(decision.sökt, 'kr'),
      amountCell(decision.beviljat, 'kr'),
    ]);
  });
  // The abbreviations the table uses, explained from the förbund's own members.
  const legend = [
    ...forbund.medlemmar.flatMap((m) => m.kortnamn.filter((k) => used.has(k)).map((k) => `${k} = ${m.namn}`)),
    ...(['förlängning', 'tillägg'] as const).map(
      (kind) => `${KIND_LABEL[kind].short} = ${KIND_LABEL[kind].long.toLowerCase()}`,
    ),
  ].sort();
  return [
    table(
      [TEXT, TEXT, TEXT, ONE_LINE, ONE_LINE, TEXT, FIGURES, FIGURES],
      [
        row(
          'header',
          [
            'Namn',
            'Parter',
            'Typ av insats',
            'Målgrupp',
            'Tid för insats',
            'Ny / FL / TL',
            'Sökt, kr',
            'Efter justering, kr',
          ].map((t) => textCell(t, true)),
        ),
        ...lines,
        row('total', [textCell('Summa', true, 6), amountCell(sökt, 'kr', true), amountCell(beviljat, 'kr', true)]),
        row('sum', [textCell('Kansliets justeringar', true, 6), amountCell(-justeringar, 'kr', true), textCell('')]),
      ],
    ),
    plainParagraph(`${legend.join(', ')}.`, 'note'),
  ];
}

/** Ekonomisk information: the förbund's multi-year table in tkr, with the meeting's ansökningar. */
export function economyTable({ derived }: MeetingContext): Block[] {
  const economy = derived.economy;
  if (!economy) return markdownBlocks('*Förbundets ekonomi (ekonomi.yaml) saknas.*');
  const columns = [TEXT, ...economy.columns.map(() => FIGURES)];
  return [
    table(columns, [
      row('header', [textCell(''), ...economy.columns.map((c) => textCell(c, true))]),
      ...economy.rows.map((r) =>
        r.kind === 'rubrik'
          ? row('section', [textCell(r.label, true, columns.length)])
          : row(r.kind === 'summa' ? 'sum' : 'line', [
              textCell(r.label, r.kind === 'summa'),
              ...r.values.map((v) => (v === null ? textCell('') : amountCell(v, 'tkr', r.kind === 'summa'))),
            ]),
      ),
    ]),
    plainParagraph(
      'Belopp i tkr. Nya ansökningar visas efter kansliets justeringar, avrundade till hela tkr så att varje kolumn summerar till sin avrundade summa. Beslutsutrymmet efter ansökningarna är ackumulerat över åren.',
      'note',
    ),
    ...(economy.disagreements.length
      ? [
          plainParagraph(
            `Summor som inte stämmer med sina rader visas som de är angivna: ${economy.disagreements
              .map(
                (d) =>
                  `${d.label} ${d.column} är angiven till ${formatAmount(d.stated, 'tkr')} tkr, raderna ger ${formatAmount(d.derived, 'tkr')} tkr`,
              )
              .join('; ')}.`,
            'note',
          ),
        ]
      : []),
  ];
}
