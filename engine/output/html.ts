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

/** Blocks with the draft mark, when there is one, under their first heading. */
function withDraft(blocks: Block[], draft: string | undefined): Block[] {
  if (!draft) return blocks;
  const mark: Block = { type: 'paragraph', style: 'body', content: [{ type: 'text', text: draft, strong: true }] };
  const at = blocks[0]?.type === 'heading' ? 1 : 0;
  return [...blocks.slice(0, at), mark, ...blocks.slice(at)];
}

/** A document's outline as a reader gets it: with the draft mark while check has errors. */
export const readerOutline = (document: PlannedDocument): Block[] => withDraft(outlineOf(document), document.draft);

export function renderHtmlDocument(document: PlannedDocument): string {
  const blocks = withDraft(
    document.copyFrom
      ? [
          { type: 'heading', level: 1, content: [{ type: 'text', text: document.title }] },
          {
            type: 'paragraph',
            style: 'body',
            content: [{ type: 'text', text: 'Bilagan är en egen fil och visas inte som webbsida.' }],
          },
        ]
      : outlineOf(document),
    document.draft,
  );
  const title = document.bilaga ? `Bilaga ${document.bilaga}: ${document.title}` : document.title;
  return htmlPage(`${title} – ${document.data.förbund}`, blocks);
}
