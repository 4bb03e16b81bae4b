// The numbered föredragningslista: each item's number and the bilagor it carries.
import type { Arende, Mote } from '../../schemas/index.js';

export interface NumberedItem {
  /** 1-based position on the agenda: the item's number. */
  number: number;
  index: number;
  arende?: Arende;
  /** Bilaga numbers in order: "5" for the tjänsteskrivelse, "5.1" for the ansökan, … */
  bilagor: string[];
}

export function numberAgenda(mote: Mote, arenden: ReadonlyMap<string, { data: Arende }>): NumberedItem[] {
  return mote.dagordning.map((item, index) => {
    const number = index + 1;
    const arende = item.ärende ? arenden.get(item.ärende)?.data : undefined;
    const bilagor: string[] = [];
    if (arende) {
      bilagor.push(String(number));
      const extra = (arende.ansökan ? 1 : 0) + arende.bilagor.length;
      for (let k = 1; k <= extra; k++) bilagor.push(`${number}.${k}`);
    }
    return { number, index, ...(arende ? { arende } : {}), bilagor };
  });
}

/** How the kallelse writes an item's handling: "bilaga 5" or "bilaga 5–5.1". */
export function handlingText(bilagor: readonly string[]): string {
  if (bilagor.length === 0) return 'Information';
  return bilagor.length === 1 ? `bilaga ${bilagor[0]}` : `bilaga ${bilagor[0]}–${bilagor.at(-1)}`;
}
