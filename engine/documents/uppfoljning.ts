// The half-year follow-up PM (uppföljning av insatser, seeds 000–002): the period's text with
// its {{…}} figures, Tabell 1–7 built from the register and the insatser's reports, and a
// section per insats that ended. Every total, share and förbrukningskvot is derived here from
// what DerivedFollowUp holds; nothing a report states is shown in their place.
import type { Block, Cell, Row } from '../../schemas/document.js';
import type { Forbund, Uppfoljningsperiod } from '../../schemas/index.js';
import {
  PARTICIPANT_GROUPS,
  shareValue,
  type DerivedFollowUp,
  type FollowUpReport,
  type Gendered,
} from '../derive/uppfoljning.js';
import { roundToUnit, sum, wholePercent } from '../money.js';
import {
  amountCell,
  FIGURES,
  heading,
  labelled,
  ONE_LINE,
  plainParagraph,
  row,
  table,
  TEXT,
  textCell,
  valueCell,
} from './blocks.js';
import type { DataOf, DocumentKind, PlannedDocument } from './kind.js';
import { markdownBlocks } from './markdown.js';

const YES_NO = { ja: 'Ja', nej: 'Nej', 'ej aktuellt': '–', 'ja, i stort sett': 'Ja, i stort sett' } as const;
const yesNo = (value: boolean) => (value ? 'Ja' : 'Nej');
const header = (labels: string[]): Row =>
  row(
    'header',
    labels.map((label) => textCell(label, true)),
  );
const percentCell = (value: number | undefined, strong = false): Cell =>
  value === undefined ? textCell('') : valueCell({ type: 'percent', hundredths: value }, strong);
const countCell = (n: number, strong = false): Cell => valueCell({ type: 'number', hundredths: n * 100 }, strong);

/** The insatser of the period, individinsatser first, each group under its heading row. */
function grouped(reports: readonly FollowUpReport[], width: number, line: (report: FollowUpReport) => Row): Row[] {
  return (['individinsats', 'strukturinsats'] as const).flatMap((typ) => {
    const rows = reports.filter((r) => r.report.data.typ === typ);
    if (rows.length === 0) return [];
    const label = typ === 'individinsats' ? 'Individinsatser' : 'Strukturinsatser';
    return [row('group', [textCell(label, true, width)]), ...rows.map(line)];
  });
}

const ownerAndName = (r: FollowUpReport) => `${r.name} (${r.entry?.insatsägare ?? 'okänd insatsägare'})`;

function insatserTable(d: DerivedFollowUp): Block[] {
  return [
    heading(2, 'Insatser'),
    plainParagraph('Tabell 1. Insatser under perioden, ur registret över beslut', 'note'),
    table(
      [TEXT, TEXT, ONE_LINE, ONE_LINE],
      [
        header(['Insats', 'Insatsägare', 'Start', 'Till och med']),
        ...grouped(d.active, 4, (r) =>
          row('line', [
            textCell(r.entry!.insats),
            textCell(r.entry!.insatsägare),
            valueCell({ type: 'date', iso: r.entry!.från }),
            valueCell({ type: 'date', iso: r.entry!.till }),
          ]),
        ),
      ],
    ),
    ...d.reports
      .filter((r) => r.report.data.ej_startad)
      .flatMap((r) => markdownBlocks(`*${r.entry?.insats ?? r.name}*: ${r.report.data.ej_startad!}`)),
  ];
}

function goalTable(d: DerivedFollowUp): Block[] {
  return [
    heading(2, 'Resultat av i insatsen angivna mål'),
    plainParagraph('Tabell 2. Nuläge mål', 'note'),
    table(
      [TEXT, TEXT, TEXT],
      [
        header(['Insats', 'I fas med uppsatta mål', 'Styrgruppens prognos för måluppfyllelse']),
        ...grouped(d.active, 3, (r) => {
          const mål = r.report.data.måluppfyllelse;
          return row('line', [
            textCell(ownerAndName(r)),
            textCell(r.report.data.slutrapport ? 'Insatsen avslutad' : mål ? YES_NO[mål.i_fas] : ''),
            textCell(r.report.data.slutrapport ? 'Ej aktuellt' : mål ? YES_NO[mål.prognos] : ''),
          ]);
        }),
      ],
    ),
    ...d.active
      .filter((r) => r.report.data.måluppfyllelse?.kommentar)
      .flatMap((r) => markdownBlocks(`*${r.name}*: ${r.report.data.måluppfyllelse!.kommentar!}`)),
  ];
}

function budgetTables(d: DerivedFollowUp): Block[] {
  const withMoney = d.reports.filter((r) => r.utfall);
  const utfall = sum(withMoney.map((r) => r.utfall!.hittills));
  const granted = sum(withMoney.map((r) => r.granted ?? 0));
  // The total kvot counts only the rows with a budget in the register: an utfall without a
  // decision (a row the register lacks) has no budget to be measured against.
  const utfallWithBudget = sum(withMoney.filter((r) => r.granted !== undefined).map((r) => r.utfall!.hittills));
  return [
    heading(2, 'Utfall av beviljad budget'),
    plainParagraph('Tabell 3. Förutsättningar för utfall', 'note'),
    table(
      [TEXT, TEXT, TEXT, TEXT],
      [
        header(['Insats', 'Vakanser SOF-medel', 'Vakanser egenfinansierade resurser', 'Avvikelser gällande budget']),
        ...grouped(d.active, 4, (r) => {
          const v = r.report.data.vakanser;
          return row('line', [
            textCell(ownerAndName(r)),
            textCell(v ? yesNo(v.sof_medel) : ''),
            textCell(v ? yesNo(v.egenfinansierade) : ''),
            textCell(yesNo(r.report.data.avvikelser.some((a) => a.område === 'budget'))),
          ]);
        }),
      ],
    ),
    ...d.active.flatMap((r) =>
      r.report.data.avvikelser
        .filter((a) => a.område === 'budget')
        .flatMap((a) => markdownBlocks(`*${r.name}*: ${a.text}`)),
    ),
    plainParagraph(
      `Tabell 4. Utfall och budget, tkr. Budget för ${d.year} ur registret över beslut; förbrukningskvot = utfall hittills i år / årets budget, avrundad till hel procent.`,
      'note',
    ),
    table(
      [TEXT, TEXT, FIGURES, FIGURES, FIGURES, FIGURES],
      [
        header(['Insats', 'Insatsägare', 'Utfall perioden', `Utfall ${d.year}`, `Budget ${d.year}`, 'Förbr. kvot']),
        ...withMoney.map((r) =>
          row('line', [
            textCell(r.name),
            textCell(r.entry?.insatsägare ?? 'ej i registret'),
            amountCell(r.utfall!.period, 'tkr'),
            amountCell(r.utfall!.hittills, 'tkr'),
            amountCell(r.granted === undefined ? undefined : roundToUnit(r.granted, 'tkr'), 'tkr'),
            percentCell(r.kvot),
          ]),
        ),
        row('total', [
          textCell('Summa', true, 2),
          amountCell(sum(withMoney.map((r) => r.utfall!.period)), 'tkr', true),
          amountCell(utfall, 'tkr', true),
          amountCell(roundToUnit(granted, 'tkr'), 'tkr', true),
          percentCell(wholePercent(utfallWithBudget, granted), true),
        ]),
      ],
    ),
  ];
}

function qualityTable(d: DerivedFollowUp): Block[] {
  const keys = [
    'styrgruppsmöten',
    'representation',
    'uppföljning',
    'kontroll_metod',
    'kontroll_målgrupp',
    'jämlikhet',
    'implementering',
    'avvikelse_målgrupp_metod',
  ] as const;
  return [
    heading(2, 'Kvalitetssäkring av insatsen'),
    plainParagraph('Tabell 5. Kvalitetssäkring', 'note'),
    table(
      [TEXT, ...keys.map(() => TEXT)],
      [
        header([
          'Insats',
          'Styrgruppsmöten enligt överenskommelse',
          'Ordinarie representation i styrgrupp',
          'Uppföljning enligt avtal',
          'Kontroll metod',
          'Kontroll målgrupp',
          'Jämlikhet/ jämställdhet',
          'Implementering diskuterad',
          'Avvikelse målgrupp/ metod',
        ]),
        ...grouped(d.active, keys.length + 1, (r) => {
          const k = r.report.data.kvalitet;
          if (!k)
            return row('line', [textCell(ownerAndName(r)), textCell('Se avsnittet om avslutade insatser', false, 8)]);
          return row('line', [textCell(ownerAndName(r)), ...keys.map((key) => textCell(YES_NO[k[key]]))]);
        }),
      ],
    ),
  ];
}

const GROUP_HEADING = {
  inregistrerade: 'Inregistrerade',
  avslutade: 'Avslutade',
  pågående: 'Pågående vid periodens slut',
  till_arbete_studier: 'Avslutade till arbete/studier',
} as const;

const genderCells = (g: Gendered, strong = false): Cell[] => [
  countCell(g.kvinnor, strong),
  countCell(g.män, strong),
  countCell(g.totalt, strong),
];

function participantTables(d: DerivedFollowUp): Block[] {
  const reporting = d.active.filter((r) => r.report.data.deltagarstatistik);
  const of = (r: FollowUpReport, group: (typeof PARTICIPANT_GROUPS)[number]): Gendered => {
    const g = r.report.data.deltagarstatistik![group];
    return { kvinnor: g.kvinnor, män: g.män, totalt: g.kvinnor + g.män };
  };
  const shares = (g: Gendered): Cell[] => [
    valueCellOr(shareValue(g.kvinnor, g.totalt)),
    valueCellOr(shareValue(g.män, g.totalt)),
    textCell(''),
  ];
  const transfers = reporting.filter((r) => r.report.data.deltagarstatistik!.överförda);
  return [
    heading(2, 'Utfall för deltagare'),
    plainParagraph(
      'Tabell 6. Deltagare per kön (K = kvinnor, M = män). Summorna och andelarna räknas fram ur rapporterna; andelar avrundas till hel procent.',
      'note',
    ),
    table(
      [TEXT, ...PARTICIPANT_GROUPS.flatMap(() => [FIGURES, FIGURES, FIGURES])],
      [
        row('header', [textCell('', true), ...PARTICIPANT_GROUPS.map((g) => textCell(GROUP_HEADING[g], true, 3))]),
        header(['Insats', ...PARTICIPANT_GROUPS.flatMap(() => ['K', 'M', 'S:a'])]),
        ...reporting.map((r) =>
          row('line', [textCell(ownerAndName(r)), ...PARTICIPANT_GROUPS.flatMap((g) => genderCells(of(r, g)))]),
        ),
        row('total', [
          textCell('Totalt', true),
          ...PARTICIPANT_GROUPS.flatMap((g) => genderCells(d.participants[g], true)),
        ]),
        row('sum', [
          textCell('Fördelning kvinnor/män'),
          ...PARTICIPANT_GROUPS.flatMap((g) => shares(d.participants[g])),
        ]),
      ],
    ),
    ...(transfers.length > 0
      ? [
          plainParagraph('Tabell 7. Deltagare som gått över till en ny insats vid periodens slut', 'note'),
          table(
            [TEXT, TEXT, FIGURES],
            [
              header(['Insats', 'Ny insats', 'Antal']),
              ...transfers.map((r) => {
                const moved = r.report.data.deltagarstatistik!.överförda!;
                return row('line', [
                  textCell(ownerAndName(r)),
                  textCell(moved.till_insats ?? ''),
                  countCell(moved.antal),
                ]);
              }),
              row('sum', [textCell('Summa överförda', true, 2), countCell(d.överförda, true)]),
              row('total', [
                textCell('Pågående inklusive överförda', true, 2),
                countCell(d.participants.pågående.totalt + d.överförda, true),
              ]),
            ],
          ),
        ]
      : []),
  ];
}

function valueCellOr(value: ReturnType<typeof shareValue>): Cell {
  return value ? valueCell(value) : textCell('');
}

function endedSections(d: DerivedFollowUp): Block[] {
  const ended = d.active.filter((r) => r.report.data.slutrapport);
  if (ended.length === 0) return [];
  return [
    heading(2, 'Avslutade insatser'),
    ...ended.flatMap((r) => [
      heading(3, ownerAndName(r)),
      labelled('Insatsperiod:', `${r.entry!.från} till ${r.entry!.till}`),
      labelled('Typ:', r.report.data.typ === 'individinsats' ? 'Individinsats' : 'Strukturinsats'),
      ...(r.report.data.slutmål.length > 0
        ? [
            table(
              [TEXT, TEXT, TEXT],
              [
                header(['Mål', 'Utfall', 'Uppfyllt']),
                ...r.report.data.slutmål.map((goal) =>
                  row('line', [textCell(goal.mål), textCell(goal.utfall), textCell(yesNo(goal.uppfyllt))]),
                ),
              ],
            ),
          ]
        : []),
      ...(r.report.data.sammanfattande_bedömning
        ? markdownBlocks(`**Sammanfattande bedömning:** ${r.report.data.sammanfattande_bedömning}`)
        : []),
    ]),
  ];
}

/** The PM's data: the period's text and every table, in the seed's order. */
export function followUpData(
  forbund: Forbund,
  derived: DerivedFollowUp,
  period: Uppfoljningsperiod | undefined,
): DataOf<'uppfoljning'> {
  const text = (title: string, markdown: string | undefined): Block[] =>
    markdown ? [heading(2, title), ...markdownBlocks(markdown, derived.figures)] : [];
  return {
    förbund: forbund.namn,
    rubrik: `Uppföljning av insatser inom ${forbund.namn}`,
    period: period?.rubrik ?? derived.period.name,
    innehåll: [
      ...(period ? [plainParagraph(period.rubrik)] : []),
      ...text('Sammanfattning', period?.sammanfattning),
      ...text('Bakgrund', period?.bakgrund),
      ...insatserTable(derived),
      ...goalTable(derived),
      ...budgetTables(derived),
      ...qualityTable(derived),
      ...participantTables(derived),
      ...endedSections(derived),
      ...text('Sammanfattning och reflektioner', period?.reflektioner),
    ],
  };
}

/** The PM as a planned document: one per period, not per meeting. */
export function planFollowUp(
  forbund: Forbund,
  derived: DerivedFollowUp,
  period: Uppfoljningsperiod | undefined,
): PlannedDocument<'uppfoljning'> {
  return {
    name: `uppfoljning-${derived.period.name}`,
    kind: 'uppfoljning',
    title: `Uppföljning av insatser, ${period?.rubrik ?? derived.period.name}`,
    orientation: 'landscape',
    data: followUpData(forbund, derived, period),
  };
}

const outline = (d: DataOf<'uppfoljning'>): Block[] => [heading(1, d.rubrik), ...d.innehåll];

/** Planned from a period's reports (planFollowUp), never from a meeting: a meeting plans none. */
export const uppfoljning: DocumentKind<'uppfoljning'> = {
  name: 'uppfoljning',
  scope: 'meeting',
  plan: () => [],
  outline,
};
