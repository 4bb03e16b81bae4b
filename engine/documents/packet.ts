// Products: an ordered list of document kinds, planned from one meeting and numbered once.
// The kallelse packet is the first product; a new product is a new list.
import type { DocumentKindName } from '../../schemas/index.js';
import type { CheckedMeeting } from '../derive/meeting.js';
import { ansokan } from './ansokan.js';
import { bilaga } from './bilaga.js';
import { budget } from './budget.js';
import { kallelse } from './kallelse.js';
import { anslagsbevis, protokoll, protokollsutdrag } from './protokoll.js';
import type { DocumentKind, ItemContext, MeetingContext, PlannedDocument } from './kind.js';
import { tjansteskrivelse } from './tjansteskrivelse.js';

type AnyKind = { [K in DocumentKindName]: DocumentKind<K> }[DocumentKindName];

/** Every document kind, by name: what `handlingar data`, `mallar check` and the writers look up. */
export const KINDS: { readonly [K in DocumentKindName]: DocumentKind<K> } = {
  kallelse,
  tjansteskrivelse,
  ansokan,
  budget,
  bilaga,
  protokoll,
  anslagsbevis,
  protokollsutdrag,
};

export interface Product {
  name: string;
  /** The kinds in the order their documents follow each other within an agenda item. */
  kinds: readonly AnyKind[];
}

/** The kallelse with every bilaga: tjänsteskrivelse N, ansökan and budget N.1, further bilagor. */
export const KALLELSE_PACKET: Product = {
  name: 'kallelse',
  kinds: [kallelse, tjansteskrivelse, ansokan, budget, bilaga],
};

/** After the meeting: the protokoll, its anslagsbevis and one protokollsutdrag per § with a decision. */
export const PROTOKOLL_PACKET: Product = {
  name: 'protokoll',
  kinds: [protokoll, anslagsbevis, protokollsutdrag],
};

/** The documents of a product for one meeting, in reading order. Nothing when the meeting lacks mote.yaml or forbund.yaml. */
export function planProduct(product: Product, { model, derived }: CheckedMeeting): PlannedDocument[] {
  const forbund = model.forbund?.data;
  const mote = model.mote?.data;
  if (!forbund || !mote) return [];
  const context: MeetingContext = { meeting: model, derived, forbund, mote };
  const documents: PlannedDocument[] = [];
  for (const kind of product.kinds) if (kind.scope === 'meeting') documents.push(...kind.plan(context));
  for (const item of derived.agenda) {
    if (!item.slug || !item.arende) continue;
    const itemContext: ItemContext = { ...context, item: { ...item, slug: item.slug, arende: item.arende } };
    for (const kind of product.kinds) if (kind.scope === 'item') documents.push(...kind.plan(itemContext));
  }
  return documents;
}
