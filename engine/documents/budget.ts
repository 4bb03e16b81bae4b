// The budgetbilaga of an ansökan (bilaga N.1, after the ansökan): the detailed budget by
// party, the split over the years and the sammanställning per party, all from the lines.
import type { Block, Column, Row } from '../../schemas/document.js';
import type { Ansokan, BudgetLine, BudgetPart, Forbund, StatedSum } from '../../schemas/index.js';
import { printedRemark } from '../../schemas/ansokan.js';
import {
  GROUPS,
  groupTotals,
  hasCostLines,
  lineByParty,
  lineTotal,
  partTotals,
  periodYears,
  type Totals,
} from '../derive/budget.js';
import { GROUP_LABEL, PART_LABEL, type PartName } from '../format/labels.js';
import { formatAmount, sum } from '../money.js';
import {
  amountCell,
  heading,
  labelled,
  plainParagraph,
  row,
  table,
  textCell,
  valueCell,
  TEXT,
  FIGURES,
  ONE_LINE,
} from './blocks.js';
import type { DataOf, DocumentKind } from './kind.js';
import { planAnsokanDocument } from './kind.js';

/** How a budget line is named in the tables: its post, and its remark when it has one. */
/** A line's post, with its note when the note is marked for print (other notes are the handläggare's). */
const lineLabel = (line: BudgetLine) => {
  const note = printedRemark(line.anmärkning);
  return note ? `${line.post} (${note})` : line.post;
};

const EMPTY_PART: BudgetPart = { lön: { rader: [] }, lokal: { rader: [] }, övrigt: { rader: [] } };

/** A stated sum the table shows as stated although its lines give another figure. */
interface Disagreement {
  what: string;
  stated: number;
  derived: number;
}

function detailTable(ansokan: Ansokan): {
  block: Block;
  requested: Totals;
  own: Totals;
  disagreements: Disagreement[];
} {
  const { budget } = ansokan;
  const unit = budget.enhet;
  const parties = budget.parter;
  const columns: Column[] = [TEXT, FIGURES, ONE_LINE, ONE_LINE, ...[...parties, 'Totalt'].map(() => FIGURES)];
  const rows: Row[] = [
    row('header', [...['Post', 'Tjänst', 'Från', 'Till', ...parties, 'Totalt'].map((t) => textCell(t, true))]),
  ];
  const disagreements: Disagreement[] = [];
  /** A sum as the applicant stated it where stated (a difference is noted), else as its lines give it. */
  const shown = (what: string, stated: number | undefined, derived: number) => {
    if (stated !== undefined && stated !== derived) disagreements.push({ what, stated, derived });
    return stated ?? derived;
  };
  /** A line leaves a party's cell empty where it has nothing; a sum shows 0, or what was stated. */
  const amounts = (byParty: Record<string, number>, total: number, strong = false, stated?: StatedSum, what = '') => [
    ...parties.map((p) =>
      amountCell(strong ? shown(`${what}, ${p}`, stated?.parter?.[p], byParty[p] ?? 0) : byParty[p], unit, strong),
    ),
    amountCell(strong ? shown(`${what}, totalt`, stated?.totalt, total) : total, unit, strong),
  ];
  const part = (name: PartName, content: BudgetPart): Totals => {
    rows.push(row('section', [textCell(PART_LABEL[name].title, true, columns.length)]));
    for (const group of GROUPS) {
      rows.push(row('group', [textCell(GROUP_LABEL[group].title, true, columns.length)]));
      for (const line of content[group].rader) {
        rows.push(
          row('line', [
            textCell(lineLabel(line)),
            line.tjänst === undefined ? textCell('') : valueCell({ type: 'percent', hundredths: line.tjänst }),
            line.från ? valueCell({ type: 'date', iso: line.från }) : textCell(''),
            line.till ? valueCell({ type: 'date', iso: line.till }) : textCell(''),
            ...amounts(lineByParty(line, parties), lineTotal(line)),
          ]),
        );
      }
      const totals = groupTotals(content[group], parties);
      rows.push(
        row('sum', [
          textCell(GROUP_LABEL[group].sum, true),
          totals.fte ? valueCell({ type: 'percent', hundredths: totals.fte }, true) : textCell(''),
          textCell(''),
          textCell(''),
          ...amounts(
            totals.byParty,
            totals.total,
            true,
            content[group].summa,
            `${GROUP_LABEL[group].sum} (${PART_LABEL[name].suffix})`,
          ),
        ]),
      );
    }
    const totals = partTotals(content, parties);
    rows.push(
      row('sum', [
        textCell(PART_LABEL[name].sum, true, 4),
        ...amounts(totals.byParty, totals.total, true, content.summa, PART_LABEL[name].sum),
      ]),
    );
    return totals;
  };
  const requested = part('rekvirera', budget.rekvirera);
  const own = part('egenfinansiering', budget.egenfinansiering ?? EMPTY_PART);
  const both = Object.fromEntries(parties.map((p) => [p, (requested.byParty[p] ?? 0) + (own.byParty[p] ?? 0)]));
  rows.push(
    row('total', [
      textCell('Total kostnad för insatsen', true, 4),
      ...amounts(both, requested.total + own.total, true, budget.total, 'Total kostnad för insatsen'),
    ]),
  );
  return { block: table(columns, rows), requested, own, disagreements };
}

function yearTable(ansokan: Ansokan, requested: Totals): Block[] {
  const { budget } = ansokan;
  const unit = budget.enhet;
  const years = periodYears(ansokan.period);
  const columns: Column[] = [TEXT, ...[0, ...years].map(() => FIGURES)];
  const differing: string[] = [];
  const rows: Row[] = [
    row(
      'header',
      ['Post', 'Totalt', ...years].map((t) => textCell(t, true)),
    ),
  ];
  for (const group of GROUPS) {
    const { rader, per_år } = budget.rekvirera[group];
    if (rader.length === 0 && !per_år) continue;
    rows.push(row('group', [textCell(GROUP_LABEL[group].title, true, columns.length)]));
    if (per_år) {
      rows.push(
        row('line', [
          textCell(`${GROUP_LABEL[group].title}, hela gruppen`),
          amountCell(sum(rader.map(lineTotal)), unit),
          ...years.map((y) => amountCell(per_år[y], unit)),
        ]),
      );
      continue;
    }
    for (const line of rader) {
      rows.push(
        row('line', [
          textCell(lineLabel(line)),
          amountCell(lineTotal(line), unit),
          ...years.map((y) => (line.per_år ? amountCell(line.per_år[y] ?? 0, unit) : textCell('–'))),
        ]),
      );
    }
  }
  rows.push(
    row('total', [
      textCell(PART_LABEL.rekvirera.sum, true),
      amountCell(budget.rekvirera.summa?.totalt ?? requested.total, unit, true),
      ...years.map((y) => {
        const stated = budget.rekvirera.summa?.per_år?.[y];
        const derived = requested.byYear[y] ?? 0;
        if (stated !== undefined && stated !== derived)
          differing.push(
            `${y} är angivet till ${formatAmount(stated, unit)}, raderna ger ${formatAmount(derived, unit)}`,
          );
        return amountCell(stated ?? derived, unit, true);
      }),
    ]),
  );
  return [
    table(columns, rows),
    ...(differing.length
      ? [
          plainParagraph(
            `${PART_LABEL.rekvirera.sum} per år visas som den sökande har angett den: ${differing.join('; ')}.`,
            'note',
          ),
        ]
      : []),
  ];
}

const FINANCIER_KIND = { förbundet: 'Förbundet', medlem: 'Medlem', extern: 'Extern' } as const;

/** The financing plan: each financier's amount and the years it states; a year nobody stated is blank. */
function financingTable(ansokan: Ansokan): Block[] {
  const plan = ansokan.budget.finansiärer;
  if (!plan) return [];
  const unit = ansokan.budget.enhet;
  const years = periodYears(ansokan.period);
  const columns: Column[] = [TEXT, TEXT, FIGURES, ...years.map(() => FIGURES)];
  const total = sum(plan.map((f) => f.belopp));
  return [
    table(columns, [
      row(
        'header',
        ['Finansiär', 'Slag', 'Totalt', ...years].map((t) => textCell(t, true)),
      ),
      ...plan.map((f) =>
        row('line', [
          textCell(f.namn),
          textCell(FINANCIER_KIND[f.slag]),
          amountCell(f.belopp, unit),
          ...years.map((y) => amountCell(f.per_år?.[y], unit)),
        ]),
      ),
      row('total', [textCell('Summa', true, 2), amountCell(total, unit, true), ...years.map(() => textCell(''))]),
    ]),
    ...(plan.some((f) => f.per_år === undefined || years.some((y) => f.per_år?.[y] === undefined))
      ? [plainParagraph('Ett tomt år är inte angivet i ansökan.', 'note')]
      : []),
  ];
}

function data(forbund: Forbund, ansokan: Ansokan, bilaga: string): DataOf<'budget'> {
  const detail = detailTable(ansokan);
  const unit = ansokan.budget.enhet;
  const { requested, own } = detail;
  return {
    förbund: forbund.namn,
    bilaga: `Bilaga ${bilaga}`,
    rubrik: hasCostLines(ansokan.budget) ? 'Budget – detaljerad' : 'Budget – finansiering',
    insats: ansokan.insats,
    period: `${ansokan.period.från} – ${ansokan.period.till}`,
    enhet: unit,
    har_finansiering: ansokan.budget.finansiärer !== undefined,
    finansiering: financingTable(ansokan),
    har_kostnader: hasCostLines(ansokan.budget),
    detaljerad: [
      detail.block,
      ...(detail.disagreements.length
        ? [
            plainParagraph(
              `Summor som den sökande har angett visas som de är angivna, också där raderna ger något annat: ${detail.disagreements
                .map(
                  (d) =>
                    `${d.what} är angiven till ${formatAmount(d.stated, unit)}, raderna ger ${formatAmount(d.derived, unit)}`,
                )
                .join('; ')}.`,
              'note',
            ),
          ]
        : []),
    ],
    per_år: yearTable(ansokan, requested),
    sammanställning: [
      table(
        [TEXT, FIGURES, FIGURES, FIGURES],
        [
          row(
            'header',
            ['Part', 'Att rekvirera från förbundet', 'Egenfinansiering', 'Totalt'].map((t) => textCell(t, true)),
          ),
          ...ansokan.budget.parter.map((part) => {
            const r = requested.byParty[part] ?? 0;
            const o = own.byParty[part] ?? 0;
            return row('line', [textCell(part), amountCell(r, unit), amountCell(o, unit), amountCell(r + o, unit)]);
          }),
          row('total', [
            textCell('Summa', true),
            amountCell(requested.total, unit, true),
            amountCell(own.total, unit, true),
            amountCell(requested.total + own.total, unit, true),
          ]),
        ],
      ),
    ],
  };
}

function outline(d: DataOf<'budget'>): Block[] {
  return [
    heading(1, d.rubrik),
    labelled('Insats', d.insats),
    labelled('Insatsens löptid', d.period),
    labelled('Belopp i', d.enhet),
    ...(d.har_finansiering ? [heading(2, 'Finansiering'), ...d.finansiering] : []),
    ...(d.har_kostnader ? costOutline(d) : []),
  ];
}

function costOutline(d: DataOf<'budget'>): Block[] {
  return [
    ...d.detaljerad,
    heading(2, 'Insatsbudget fördelad över insatstid'),
    ...d.per_år,
    heading(2, 'Budgetsammanställning'),
    ...d.sammanställning,
  ];
}

export const budget: DocumentKind<'budget'> = {
  name: 'budget',
  scope: 'item',
  plan: (context) =>
    planAnsokanDocument(context, 'budget', { letter: 'b', label: 'Budget', orientation: 'landscape' }, data),
  outline,
};
