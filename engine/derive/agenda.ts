// The numbered föredragningslista: each item's number and the bilagor it carries.
import type { Arende, Mote } from '../../schemas/index.js';

export interface NumberedItem {
  /** 1-based position on the agenda: the item's number. */
  number: number;
  index: number;
  /** The ärende's file name without .yaml, when the item is an ärende. */
  slug?: string;
  arende?: Arende;
  /** Bilaga numbers in order: "5" for the tjänsteskrivelse, "5.1" for the ansökan, … */
  bilagor: string[];
  /** The same numbers by what they number. */
  numbers: {
    tjansteskrivelse?: string;
    /** The ansökan and its budget share one bilaga number. */
    ansokan?: string;
    /** The ärende's further bilagor, in the order of its `bilagor`. */
    bilagor: string[];
  };
}

export function numberAgenda(mote: Mote, arenden: ReadonlyMap<string, { data: Arende }>): NumberedItem[] {
  return mote.dagordning.map((item, index) => {
    const number = index + 1;
    const arende = item.ärende ? arenden.get(item.ärende)?.data : undefined;
    if (!item.ärende || !arende) return { number, index, bilagor: [], numbers: { bilagor: [] } };
    let k = 0;
    const next = () => `${number}.${++k}`;
    const numbers = {
      tjansteskrivelse: String(number),
      ...(arende.ansökan ? { ansokan: next() } : {}),
      bilagor: arende.bilagor.map(next),
    };
    const bilagor = [numbers.tjansteskrivelse, ...(numbers.ansokan ? [numbers.ansokan] : []), ...numbers.bilagor];
    return { number, index, slug: item.ärende, arende, bilagor, numbers };
  });
}

/** How the kallelse writes an item's handling: "bilaga 5" or "bilaga 5–5.1". */
export function handlingText(bilagor: readonly string[]): string {
  if (bilagor.length === 0) return 'Information';
  return bilagor.length === 1 ? `bilaga ${bilagor[0]}` : `bilaga ${bilagor[0]}–${bilagor.at(-1)}`;
}
