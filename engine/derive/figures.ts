// Named figures a handläggare can cite in a text instead of typing them: {{totalt_sökt}} in
// a tjänsteskrivelse becomes the sum the engine computes. Each figure is a typed value (an
// amount stays öre until a writer shows it) and says where it comes from.
import type { Value } from '../../schemas/document.js';
import type { Ekonomi } from '../../schemas/index.js';
import type { Loaded } from '../load/content.js';
import { divideRounded } from '../money.js';
import { partTotals } from './budget.js';
import type { EconomyTable } from './economy.js';
import type { ApplicationSummary, DecidedAnsokan } from './meeting.js';

export interface NamedFigure {
  value: Value;
  /** Where it comes from: the files and lines it is computed from. */
  källa: string;
}

export type Figures = Record<string, NamedFigure>;

/** {{name}}: a reference to a named figure in a text; names may hold digits (resultat_prognos_2024). */
export const FIGURE_REFERENCE = /\{\{\s*([\p{L}\p{N}_]+)\s*\}\}/gu;

const count = (n: number, källa: string): NamedFigure => ({ value: { type: 'number', hundredths: n * 100 }, källa });
const kronor = (ore: number, källa: string): NamedFigure => ({ value: { type: 'amount', ore, unit: 'kr' }, källa });
const tkr = (ore: number, källa: string): NamedFigure => ({ value: { type: 'amount', ore, unit: 'tkr' }, källa });

/** The figures of the whole meeting: the ansökningar decided on, and the economy. */
export function meetingFigures(
  summary: ApplicationSummary,
  economy: EconomyTable | undefined,
  ekonomi: Loaded<Ekonomi> | undefined,
): Figures {
  const files = summary.rows.map(({ ansokan }) => ansokan.source.file.split('/').pop()).join(', ');
  const källa = `ansokningar/ (${files})`;
  const typ = (name: string) => summary.rows.filter((row) => row.ansokan.data.typ === name).length;
  return {
    antal_ansökningar: count(summary.rows.length, källa),
    antal_individinsatser: count(typ('individinsats'), källa),
    antal_strukturinsatser: count(typ('strukturinsats'), källa),
    totalt_sökt: kronor(summary.sökt, källa),
    totalt_justeringar: kronor(summary.justeringar, 'justeringar i arenden/'),
    totalt_beviljat: kronor(summary.beviljat, `${källa} och justeringar i arenden/`),
    ...(economy && ekonomi ? economyFigures(economy, ekonomi) : {}),
  };
}

/**
 * The economy's figures in tkr: ingående_överskott, reservfond, and per column of the table
 * resultat_<kolumn> and beslutsutrymme_<kolumn>, e.g. resultat_prognos_2024.
 */
function economyFigures(table: EconomyTable, { data, source }: Loaded<Ekonomi>): Figures {
  const figures: Figures = { ingående_överskott: tkr(data.ingående_överskott, `${source.file} (ingående_överskott)`) };
  if (data.reservfond !== undefined) figures.reservfond = tkr(data.reservfond, `${source.file} (reservfond)`);
  // As the table shows them: a figure the förbund stated, as stated.
  const shown = (label: string) => table.rows.find((row) => row.label === label)?.values ?? [];
  const [result, remaining] = [shown('Årets beräknade resultat'), shown('Kvarvarande beslutsutrymme')];
  table.columns.forEach((column, c) => {
    const key = column.toLowerCase().replace(/\s+/g, '_');
    figures[`resultat_${key}`] = tkr(result[c] ?? table.computed[c]!.result, `${source.file}, ${column}`);
    figures[`beslutsutrymme_${key}`] = tkr(remaining[c] ?? table.computed[c]!.remaining, `${source.file}, ${column}`);
  });
  return figures;
}

/** The names of an ansökan ärende's own figures (see ownFigures). */
export const OWN_FIGURES = ['sökt', 'justeringar', 'beviljat', 'tjänster'] as const;

/** An ansökan ärende's own figures: sökt, justeringar, beviljat and the number of full-time posts. */
export function ownFigures({ ansokan, arende, decision }: DecidedAnsokan): Figures {
  const file = ansokan.source.file;
  const lines = partTotals(ansokan.data.budget.rekvirera, ansokan.data.budget.parter);
  return {
    sökt: kronor(decision.sökt, `${file} (budget.rekvirera)`),
    justeringar: kronor(decision.justeringar, `${arende.source.file} (justeringar)`),
    beviljat: kronor(decision.beviljat, `${file} och ${arende.source.file}`),
    // Tjänst i % summed over the lines (445 %) is 4,45 full-time posts.
    tjänster: { value: { type: 'number', hundredths: divideRounded(lines.fte, 100) }, källa: `${file} (tjänst i %)` },
  };
}
