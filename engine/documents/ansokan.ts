// The ansökan (bilaga N.1): the application as the applicant wrote it, with the sums of its
// budget, the förbund's fixed överenskommelse and the signatures.
import type { Block } from '../../schemas/document.js';
import type { Ansokan, Forbund, FormField } from '../../schemas/index.js';
import { partTotals, requestedTotal } from '../derive/budget.js';
import { sum } from '../money.js';
import { KIND_LABEL, TYPE_LABEL } from '../format/labels.js';
import { amount, heading, labelled, plainParagraph, TEXT, ONE_LINE, row, table, textCell } from './blocks.js';
import type { DataOf, DocumentKind } from './kind.js';
import { planAnsokanDocument } from './kind.js';
import { markdownBlocks } from './markdown.js';

const rich = (markdown: string | undefined, absent = 'Uppgift saknas i ansökan.') =>
  markdownBlocks(markdown ?? `*${absent}*`);

/** A form section's text as blocks; «mål» has its two kinds of goals under bold labels. */
function sectionBlocks(ansokan: Ansokan, field: FormField): Block[] | undefined {
  if (field !== 'mål') {
    const text = ansokan[field];
    return text === undefined ? undefined : rich(text);
  }
  const goals = ansokan.mål;
  if (!goals) return undefined;
  const label = (text: string): Block => ({
    type: 'paragraph',
    style: 'body',
    content: [{ type: 'text', text, strong: true }],
  });
  return [
    label('Effektmål'),
    ...rich(goals.effektmål),
    label('Resultatmål'),
    ...rich(goals.resultatmål.length ? goals.resultatmål.map((goal) => `1. ${goal}`).join('\n') : undefined),
  ];
}

function data(forbund: Forbund, ansokan: Ansokan, bilaga: string): DataOf<'ansokan'> {
  const { budget } = ansokan;
  const requested = requestedTotal(budget);
  const plan = budget.finansiärer ?? [];
  // With a financing plan, what others pay is the plan less the förbund's part.
  const own =
    plan.length > 0
      ? sum(plan.map((f) => f.belopp)) - requested
      : budget.egenfinansiering
        ? partTotals(budget.egenfinansiering, budget.parter).total
        : 0;
  const age = ansokan.målgrupp.ålder;
  const group = forbund.grupper.lokal_grupp;
  return {
    förbund: forbund.namn,
    bilaga: `Bilaga ${bilaga}`,
    insats: ansokan.insats,
    typ: TYPE_LABEL[ansokan.typ],
    ansökningstyp: KIND_LABEL[ansokan.ansökningstyp].long,
    insatsägare: ansokan.insatsägare,
    samverkansparter: ansokan.samverkansparter.join(', ') || 'Inga',
    målgrupp: rich(ansokan.målgrupp.beskrivning),
    ålder: age ? `${age.från}–${age.till} år` : 'Ej angiven',
    från: { type: 'date', iso: ansokan.period.från },
    till: { type: 'date', iso: ansokan.period.till },
    sista_intag: ansokan.sista_intag ?? 'Ej angivet',
    deltagare: ansokan.deltagare_per_år ? `${ansokan.deltagare_per_år} per år` : 'Ej angivet',
    avsnitt: forbund.ansökningsformulär.map((section) => ({
      rubrik: section.rubrik,
      text: sectionBlocks(ansokan, section.fält) ?? rich(undefined),
    })),
    lokal_grupp: group
      ? [
          {
            rubrik: group.rubrik,
            fråga: `Har ansökan diskuterats i ${group.namn}?`,
            svar: ansokan.lokal_grupp?.diskuterad ? 'Ja' : ansokan.lokal_grupp ? 'Nej' : 'Ej angivet',
            hur: rich(ansokan.lokal_grupp?.hur, 'Ingen beskrivning.'),
          },
        ]
      : [],
    sökt: amount(requested, 'kr', true),
    egenfinansiering: amount(own, 'kr', true),
    total: amount(requested + own, 'kr', true),
    finansiärer: plan.map((f) => ({ namn: f.namn, belopp: amount(f.belopp, 'kr', true) })),
    har_överenskommelse: forbund.texter.överenskommelse.length > 0,
    överenskommelse: forbund.texter.överenskommelse.map((section) => ({ rubrik: section.rubrik, text: section.text })),
    underskrifter: signatureTable(ansokan.underskrifter),
  };
}

/** The parties' signatures: one row each, tall enough to sign in, the last column left free for it. */
export function signatureTable(
  signers: readonly { organisation: string; roll: string; namn: string; kontaktperson?: string }[],
): Block[] {
  return [
    table(
      [TEXT, ONE_LINE, TEXT, TEXT, TEXT],
      [
        row(
          'header',
          ['Organisation', 'Roll', 'Namn', 'Kontaktperson', 'Underskrift och datum'].map((t) => textCell(t, true)),
        ),
        ...signers.map((s) =>
          row('signature', [
            textCell(s.organisation),
            textCell(s.roll),
            textCell(s.namn),
            textCell(s.kontaktperson ?? ''),
            textCell(''),
          ]),
        ),
      ],
    ),
  ];
}

function outline(d: DataOf<'ansokan'>): Block[] {
  return [
    heading(1, 'Ansökan om finansiering av samverkansinsats'),
    labelled('Insatsens namn', d.insats),
    labelled('Typ av insats', d.typ),
    labelled('Ny, förlängning eller tillägg', d.ansökningstyp),
    labelled('Insatsägare', d.insatsägare),
    labelled('Samverkansparter', d.samverkansparter),
    heading(2, 'Målgrupp'),
    labelled('Ålder', d.ålder),
    ...d.målgrupp,
    labelled('Förväntat antal deltagare', d.deltagare),
    heading(2, 'Planerad insatstid'),
    labelled('Planerat startdatum', d.från),
    labelled('Planerat slutdatum', d.till),
    labelled('Sista dag för intag av deltagare', d.sista_intag),
    ...d.avsnitt.flatMap((section) => [heading(2, section.rubrik), ...section.text]),
    heading(2, 'Budget och finansiering'),
    labelled('Sökt från förbundet', d.sökt),
    labelled('Egenfinansiering', d.egenfinansiering),
    labelled('Total budget', d.total),
    ...d.finansiärer.map((f) => labelled(`Finansiär: ${f.namn}`, f.belopp)),
    plainParagraph('Den detaljerade budgeten finns i budgetbilagan.'),
    ...d.lokal_grupp.flatMap((group) => [heading(2, group.rubrik), labelled(group.fråga, group.svar), ...group.hur]),
    ...(d.har_överenskommelse
      ? [
          heading(2, 'Överenskommelse'),
          plainParagraph('Texten i detta avsnitt är förbundets och får inte ändras.'),
          ...d.överenskommelse.flatMap((s) => [heading(3, s.rubrik), plainParagraph(s.text)]),
        ]
      : []),
    heading(2, 'Underskrifter'),
    ...d.underskrifter,
  ];
}

export const ansokan: DocumentKind<'ansokan'> = {
  name: 'ansokan',
  scope: 'item',
  plan: (context) =>
    planAnsokanDocument(context, 'ansokan', { letter: 'a', label: 'Ansökan', orientation: 'portrait' }, data),
  outline,
};

export { data as applicationData };
