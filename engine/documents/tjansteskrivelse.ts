// The tjänsteskrivelse of an ärende (bilaga N): the proposal with its att-satser, the
// kansli's justeringar, the text, a derived table where the ärende asks for one, the
// assessment and the signature.
import type { Block } from '../../schemas/document.js';
import type { Ansokan, Arende, Forbund } from '../../schemas/index.js';
import type { Decision } from '../derive/decision.js';
import { formatDateInDecision, formatPercent } from '../format/swedish.js';
import { formatAmount } from '../money.js';
import { amount, heading, plainParagraph, table, textCell, valueCell, TEXT, FIGURES, row } from './blocks.js';
import type { DataOf, DocumentKind, ItemContext } from './kind.js';
import { pad } from './kind.js';
import { markdownBlocks, markdownInlines } from './markdown.js';
import { economyTable, summaryTable } from './tables.js';

/**
 * The standard att-satser of a grant as decided: the amount and period of the decision (a
 * partial grant says so), its yearly cap and share of a joint financing, then the decision's
 * own conditions and the förbund's fixed ones.
 */
export function decisionClauses(forbund: Forbund, ansokan: Ansokan, arende: Arende, decision: Decision): string[] {
  if (arende.förslag_till_beslut?.ersätt_standard) return [];
  const cap =
    decision.högstPerÅr === undefined ? '' : `, dock högst ${formatAmount(decision.högstPerÅr)} kronor per år`;
  const share = arende.beslut?.andel;
  const joint =
    share === undefined ? '' : `, som förbundets andel (${formatPercent(share)}) av en gemensam finansiering`;
  return [
    `att bevilja finansiellt stöd ${decision.delvis ? 'delvis ' : ''}enligt ansökan för insatsen *${ansokan.insats}* för perioden ${formatDateInDecision(decision.från)} fram till ${formatDateInDecision(decision.till)}, med maximalt ${formatAmount(decision.beviljat)} kronor${cap}${joint}.`,
    ...(arende.beslut?.villkor ?? []),
    ...forbund.texter.villkor,
  ];
}

/** The signer's title as the signature writes it: the role with a capital. */
const title = (role: string) => role.charAt(0).toUpperCase() + role.slice(1);

function data(context: ItemContext): DataOf<'tjansteskrivelse'> {
  const { forbund, mote, derived, item } = context;
  const { arende, slug } = item;
  const figures = derived.figures.get(slug) ?? {};
  const decided = derived.decisions.get(slug);
  const clauses = [
    ...(decided ? decisionClauses(forbund, decided.ansokan.data, arende, decided.decision) : []),
    ...(arende.förslag_till_beslut?.att ?? []),
  ];
  const rich = (text: string | undefined, absent: string) => markdownBlocks(text ?? `*${absent}*`, figures);
  const signer = forbund.kansli.find((member) => member.namn === arende.undertecknare);
  const tabell =
    arende.tabell === 'ansökningar' ? summaryTable(context) : arende.tabell === 'ekonomi' ? economyTable(context) : [];
  return {
    förbund: forbund.namn,
    bilaga: `Bilaga ${item.numbers.tjansteskrivelse}`,
    möte: `${mote.organ} ${mote.datum}`,
    rubrik: [{ type: 'heading', level: 1, content: markdownInlines(arende.rubrik) }],
    föreslås: `${arende.förslag_till_beslut?.organ ?? mote.organ} föreslås besluta`,
    att: clauses.map((clause) => ({
      text: markdownBlocks(clause.startsWith('att ') ? clause : `att ${clause}`, figures),
    })),
    har_justeringar: arende.justeringar.length > 0,
    justeringar: arende.justeringar.length
      ? [
          table(
            [FIGURES, TEXT, TEXT],
            [
              row(
                'header',
                ['Belopp', 'Skäl', 'Föreslagen av'].map((t) => textCell(t, true)),
              ),
              ...arende.justeringar.map((j) =>
                row('line', [valueCell(amount(-j.belopp, 'kr', true)), textCell(j.skäl), textCell(j.föreslagen_av)]),
              ),
            ],
          ),
        ]
      : [],
    ärendet: rich(arende.ärendet, 'Ingen ärendebeskrivning.'),
    tabell,
    bedömning: rich(arende.bedömning, 'Ingen bedömning.'),
    undertecknare: arende.undertecknare,
    titel: title(signer?.roll ?? 'förbundschef'),
  };
}

function outline(d: DataOf<'tjansteskrivelse'>): Block[] {
  return [
    ...d.rubrik,
    heading(2, 'Förslag till beslut'),
    plainParagraph(d.föreslås),
    ...d.att.flatMap((clause) => clause.text),
    ...(d.har_justeringar ? [heading(2, 'Kansliets justeringar'), ...d.justeringar] : []),
    heading(2, 'Ärendet'),
    ...d.ärendet,
    ...d.tabell,
    heading(2, 'Bedömning'),
    ...d.bedömning,
    plainParagraph(`${d.undertecknare}, ${d.titel}`),
  ];
}

export const tjansteskrivelse: DocumentKind<'tjansteskrivelse'> = {
  name: 'tjansteskrivelse',
  scope: 'item',
  plan: (context) => [
    {
      name: `${pad(context.item.number)}-tjansteskrivelse-${context.item.slug}`,
      kind: 'tjansteskrivelse',
      title: `${context.item.number}. ${context.item.arende.rubrik.replace(/\*/g, '')}`,
      bilaga: context.item.numbers.tjansteskrivelse,
      orientation: 'portrait',
      data: data(context),
    },
  ],
  outline,
};
