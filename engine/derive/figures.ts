// Named figures a handläggare can cite in a text instead of typing them: {{totalt_sökt}} in
// a tjänsteskrivelse becomes the sum the engine computes. Each figure says where it comes from.
import type { MeetingModel } from '../load/content.js';
import { formatKronor } from '../format/swedish.js';
import { partTotals } from './budget.js';
import { meetingDecisions } from './decision.js';
import { economyTable } from './tables.js';

export interface NamedFigure {
  /** As it appears in the text: "53 847 710". */
  text: string;
  /** Where it comes from: the files and lines it is computed from. */
  källa: string;
}

export type Figures = Record<string, NamedFigure>;

/** {{name}}: a reference to a named figure in a text. */
export const FIGURE_REFERENCE = /\{\{\s*([\p{L}_]+)\s*\}\}/gu;

const count = (n: number, källa: string): NamedFigure => ({ text: String(n), källa });
const amount = (ore: number, källa: string): NamedFigure => ({ text: formatKronor(ore), källa });

export function meetingFigures(meeting: MeetingModel): Figures {
  const decisions = meetingDecisions(meeting);
  const files = decisions.map(({ ansokan }) => ansokan.source.file.split('/').pop()).join(', ');
  const källa = `ansokningar/ (${files})`;
  const sum = (pick: (d: (typeof decisions)[number]['decision']) => number) =>
    decisions.reduce((acc, d) => acc + pick(d.decision), 0);
  return {
    antal_ansökningar: count(decisions.length, källa),
    antal_individinsatser: count(decisions.filter((d) => d.ansokan.data.typ === 'individinsats').length, källa),
    antal_strukturinsatser: count(decisions.filter((d) => d.ansokan.data.typ === 'strukturinsats').length, källa),
    totalt_sökt: amount(
      sum((d) => d.sökt),
      källa,
    ),
    totalt_justeringar: amount(
      sum((d) => d.justeringar),
      `justeringar i arenden/`,
    ),
    totalt_beviljat: amount(
      sum((d) => d.beviljat),
      `${källa} och justeringar i arenden/`,
    ),
    ...economyFigures(meeting),
  };
}

/**
 * The economy's figures in tkr: ingående_överskott, reservfond, and per column of the table
 * resultat_<kolumn> and beslutsutrymme_<kolumn>, e.g. resultat_prognos_2024.
 */
function economyFigures(meeting: MeetingModel): Figures {
  const table = economyTable(meeting);
  const economy = meeting.ekonomi;
  if (!table || !economy) return {};
  const file = economy.source.file;
  const tkr = (value: number, källa: string): NamedFigure => ({ text: formatKronor(Math.round(value * 100)), källa });
  const row = (label: string) => table.rows.find((r) => r.label === label)!;
  const figures: Figures = {
    ingående_överskott: tkr(economy.data.ingående_överskott / 100_000, `${file} (ingående_överskott)`),
  };
  if (economy.data.reservfond !== undefined)
    figures.reservfond = tkr(economy.data.reservfond / 100_000, `${file} (reservfond)`);
  table.columns.forEach((column, c) => {
    const key = column.toLowerCase().replace(/\s+/g, '_');
    figures[`resultat_${key}`] = tkr(row('Årets beräknade resultat').values[c]!, `${file}, ${column}`);
    figures[`beslutsutrymme_${key}`] = tkr(row('Kvarvarande beslutsutrymme').values[c]!, `${file}, ${column}`);
  });
  return figures;
}

/** The meeting's figures, and for an ansökan ärende its own: sökt, justeringar, beviljat, tjänster. */
export function arendeFigures(meeting: MeetingModel, slug: string): Figures {
  const figures = meetingFigures(meeting);
  const own = meetingDecisions(meeting).find((d) => d.slug === slug);
  if (!own) return figures;
  const file = own.ansokan.source.file;
  const fte = partTotals(own.ansokan.data.budget.rekvirera, own.ansokan.data.budget.parter);
  return {
    ...figures,
    sökt: amount(own.decision.sökt, `${file} (budget.rekvirera)`),
    justeringar: amount(own.decision.justeringar, `${own.arende.source.file} (justeringar)`),
    beviljat: amount(own.decision.beviljat, `${file} och ${own.arende.source.file}`),
    // Tjänst i % summed over the lines (445 %) is 4,45 full-time posts.
    tjänster: { text: String(fte.fte / 10_000).replace('.', ','), källa: `${file} (tjänst i %)` },
  };
}

/** Replaces every {{name}} with its figure; unknown names are left as they are (check reports them). */
export const fillFigures = (text: string, figures: Figures): string =>
  text.replace(FIGURE_REFERENCE, (whole, name: string) => figures[name]?.text ?? whole);
