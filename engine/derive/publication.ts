// What is withheld from publication on the web, and why: a handling marked `sekretess` (with
// its OSL reference) or `publicering: { publiceras: nej, skäl }`, on an ärende (all its
// handlingar), an ansökan (the ansökan and its budget) or one bilaga. Read by the privacy
// guard (nothing withheld is published, so nothing in it is flagged) and by the site.
import type { Publicering, Sekretess } from '../../schemas/index.js';
import type { MeetingModel } from '../load/content.js';
import type { DerivedMeeting } from './meeting.js';

interface Markable {
  sekretess?: Sekretess;
  publicering?: Publicering;
}

/** Why a part is withheld («Sekretess enligt OSL 26 kap. 1 §.»), or undefined when it is published. */
export function withheldReason(part: Markable | undefined): string | undefined {
  if (!part) return undefined;
  if (part.sekretess) {
    const { referens, skäl } = part.sekretess;
    return `Sekretess enligt ${referens}.${skäl ? ` ${sentence(skäl)}` : ''}`;
  }
  if (part.publicering?.publiceras === 'nej') return sentence(part.publicering.skäl ?? 'Beslut om att inte publicera.');
  return undefined;
}

const sentence = (text: string) => {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** The slugs of the ansökningar whose deciding ärende is withheld, with the reason. */
function ansokanReasons(meeting: MeetingModel): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const [slug, ansokan] of meeting.ansokningar) {
    const own = withheldReason(ansokan.data);
    if (own) reasons.set(slug, own);
  }
  for (const arende of meeting.arenden.values()) {
    const reason = withheldReason(arende.data);
    if (reason && arende.data.ansökan && !reasons.has(arende.data.ansökan)) reasons.set(arende.data.ansökan, reason);
  }
  return reasons;
}

export interface PublicationPlan {
  /** Why a planned document (by its kind and bilaga number) is withheld; undefined when published. */
  documentReason(document: { kind: string; bilaga?: string }): string | undefined;
  /** Whether a content file (or one bilaga in it) is withheld: what the privacy guard skips. */
  arendeReason(slug: string): string | undefined;
  ansokanReason(slug: string): string | undefined;
}

export function publicationPlan(meeting: MeetingModel, derived: DerivedMeeting): PublicationPlan {
  const ansokningar = ansokanReasons(meeting);
  const arendeReason = (slug: string) => withheldReason(meeting.arenden.get(slug)?.data);
  return {
    arendeReason,
    ansokanReason: (slug) => ansokningar.get(slug),
    documentReason({ kind, bilaga }) {
      // The protokoll holds every §: one that is withheld keeps the whole protokoll off the site.
      if (kind === 'protokoll') {
        const item = derived.agenda.find((candidate) => candidate.slug && arendeReason(candidate.slug));
        return item?.slug
          ? `protokollet har en paragraf som inte publiceras (punkt ${item.number}: ${arendeReason(item.slug)})`
          : undefined;
      }
      if (!bilaga) return undefined;
      const item = derived.agenda.find((candidate) => candidate.bilagor.includes(bilaga));
      if (!item?.slug || !item.arende) return undefined;
      const whole = arendeReason(item.slug);
      if (whole) return whole;
      if ((kind === 'ansokan' || kind === 'budget') && item.arende.ansökan) return ansokningar.get(item.arende.ansökan);
      const index = item.numbers.bilagor.indexOf(bilaga);
      return index >= 0 ? withheldReason(item.arende.bilagor[index]) : undefined;
    },
  };
}
