import { z } from 'zod';
import { clockTime, isoDate, slug, strictObject, text } from './primitives.js';
import { publicering } from './publicering.js';

export const agendaItem = strictObject({
  /** Optional: the number is derived from the order; when typed, it is checked. */
  nr: z.number().int().positive().optional(),
  /** The ärende file (arenden/<slug>.yaml) that holds rubrik, föredragande and handling. */
  ärende: slug.optional(),
  /** For items without a file: procedural items and information points. */
  rubrik: text.optional(),
  föredragande: text.optional(),
  information: z.boolean().optional(),
  /** The handling reference as printed in the kallelse, e.g. "bilaga 5–5.1"; checked. */
  handling: text.optional(),
});

/**
 * The meeting. Its logistics (tid, plats, förhinder, justering) may be filled in later: a
 * meeting without them loads and is checked, and only the kallelse waits for them.
 */
export const moteSchema = strictObject({
  organ: text,
  datum: isoDate,
  tid: strictObject({ från: clockTime, till: clockTime }).optional(),
  plats: text.optional(),
  /** The kansli member who takes anmälan om förhinder. */
  förhinder: text.optional(),
  justering: strictObject({ justerare: text, datum: isoDate }).optional(),
  dagordning: z.array(agendaItem).min(1),
  publicering: publicering.optional(),
});

export type Mote = z.output<typeof moteSchema>;
export type AgendaItem = z.output<typeof agendaItem>;
