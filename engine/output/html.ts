// A planned document as an HTML page, from its kind's outline of the same model the Word
// writer fills its template with.
import type { Block } from '../../schemas/document.js';
import type { PlannedDocument } from '../documents/kind.js';
import { KINDS } from '../documents/packet.js';
import { htmlPage } from '../writers/html.js';

/** The outline of any planned document, whatever its kind. */
export function outlineOf(document: PlannedDocument): Block[] {
  // Each kind's outline takes its own data; the document's kind names which one that is.
  const outline = KINDS[document.kind].outline as (data: PlannedDocument['data']) => Block[];
  return outline(document.data);
}

export function renderHtmlDocument(document: PlannedDocument): string {
  const blocks: Block[] = document.copyFrom
    ? [
        { type: 'heading', level: 1, content: [{ type: 'text', text: document.title }] },
        {
          type: 'paragraph',
          style: 'body',
          content: [{ type: 'text', text: 'Bilagan är en egen fil och visas inte som webbsida.' }],
        },
      ]
    : outlineOf(document);
  if (document.draft)
    blocks.unshift({
      type: 'paragraph',
      style: 'body',
      content: [{ type: 'text', text: document.draft, strong: true }],
    });
  const title = document.bilaga ? `Bilaga ${document.bilaga}: ${document.title}` : document.title;
  return htmlPage(`${title} – ${document.data.förbund}`, blocks);
}
