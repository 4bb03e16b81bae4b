// Further bilagor of an ärende (N.2, …): a text written in the content, or a .docx/.pdf
// file of the content folder that is copied into the packet as it is.
import path from 'node:path';
import type { Block } from '../../schemas/document.js';
import { heading } from './blocks.js';
import type { DataOf, DocumentKind, ItemContext, PlannedDocument } from './kind.js';
import { pad } from './kind.js';
import { markdownBlocks } from './markdown.js';

function plan({ forbund, meeting, derived, item }: ItemContext): PlannedDocument<'bilaga'>[] {
  const figures = derived.figures.get(item.slug) ?? {};
  return item.arende.bilagor.map((attachment, index) => {
    const bilaga = item.numbers.bilagor[index]!;
    const k = bilaga.split('.')[1];
    const base = `${pad(item.number)}.${k}-bilaga-${item.slug}`;
    const copyFrom = attachment.fil === undefined ? undefined : path.resolve(meeting.absoluteDir, attachment.fil);
    return {
      name: copyFrom ? `${base}${path.extname(copyFrom).toLowerCase()}` : base,
      kind: 'bilaga',
      title: `${bilaga} ${attachment.rubrik}`,
      bilaga,
      orientation: 'portrait',
      data: {
        förbund: forbund.namn,
        bilaga: `Bilaga ${bilaga}`,
        rubrik: attachment.rubrik,
        text: copyFrom ? [] : markdownBlocks(attachment.text ?? '*Uppgift saknas.*', figures),
      },
      ...(copyFrom ? { copyFrom } : {}),
    };
  });
}

const outline = (d: DataOf<'bilaga'>): Block[] => [heading(1, d.rubrik), ...d.text];

export const bilaga: DocumentKind<'bilaga'> = { name: 'bilaga', scope: 'item', plan, outline };
