import { z } from 'zod';
import { clockTime, isoDate, slug, strictObject, text } from './primitives.js';

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

export const moteSchema = strictObject({
  organ: text,
  datum: isoDate,
  tid: strictObject({ från: clockTime, till: clockTime }),
  plats: text,
  /** The kansli member who takes anmälan om förhinder. */
  förhinder: text,
  justering: strictObject({ justerare: text, datum: isoDate }),
  dagordning: z.array(agendaItem).min(1),
});

export type Mote = z.output<typeof moteSchema>;
export type AgendaItem = z.output<typeof agendaItem>;
