// Fills a template with a document's data (docxtemplater's free core: no expressions, so
// nothing in a template or in the content is ever evaluated) and writes deterministic bytes.
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { z } from 'zod';
import { blocks as blocksSchema, value as valueSchema } from '../../../schemas/document.js';
import { DOCUMENT_DATA } from '../../../schemas/documents.js';
import type { PlannedDocument } from '../../documents/kind.js';
import { UserError } from '../../errors.js';
import { formatValue } from '../values.js';
import { ensureNumbering } from './numbering.js';
import { blocksXml, draftXml, numberingInstancesXml, TEXT_WIDTH, type OoxmlContext } from './ooxml.js';
import { elementOf, shapeOf, textWidthOf } from './template.js';
import { deterministicZip, type DocumentProperties } from './zip.js';

export class RenderError extends UserError {}

/**
 * A document's data as its template receives it: blocks as OOXML for {@…}, typed values
 * as Swedish text for {…}, lists and their records field by field, following the schema.
 */
function templateValue(schema: z.ZodType, data: unknown, context: OoxmlContext): unknown {
  if (schema === blocksSchema) return blocksXml(data as Parameters<typeof blocksXml>[0], context);
  if (schema === valueSchema) return formatValue(data as Parameters<typeof formatValue>[0]);
  const element = elementOf(schema);
  if (element && Array.isArray(data)) return data.map((item) => templateValue(element, item, context));
  const shape = shapeOf(schema);
  if (shape && data && typeof data === 'object')
    return Object.fromEntries(
      Object.entries(data).map(([key, field]) => [key, shape[key] ? templateValue(shape[key], field, context) : field]),
    );
  return data;
}

/**
 * The data a template receives for a planned document, and the lists its numbering needs;
 * tables fill `textWidth` (the template's, or the bundled templates' for the orientation).
 */
export function templateData(
  planned: PlannedDocument,
  textWidth: number = TEXT_WIDTH[planned.orientation],
): { data: object; context: OoxmlContext } {
  const context: OoxmlContext = { numberedLists: 0, textWidth };
  return { data: templateValue(DOCUMENT_DATA[planned.kind], planned.data, context) as object, context };
}

/**
 * Renders one document with a template. A tag without a value is an error, never a blank or
 * "undefined". `properties` become the document's core properties (title, author, language, date).
 */
export function renderDocx(
  templateBytes: Uint8Array,
  planned: PlannedDocument,
  properties?: DocumentProperties,
): Buffer {
  const zip = new PizZip(templateBytes);
  const { data, context } = templateData(planned, textWidthOf(zip) ?? TEXT_WIDTH[planned.orientation]);
  const missing: string[] = [];
  let document: Docxtemplater;
  try {
    document = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: false,
      nullGetter: (part) => {
        if (!part.module) missing.push(part.value);
        return '';
      },
    });
    document.render(data);
  } catch (error) {
    throw new RenderError(describeTemplateError(error));
  }
  if (missing.length > 0)
    throw new RenderError(
      `mallen använder taggar utan värde: ${[...new Set(missing)].map((t) => `{${t}}`).join(', ')}`,
    );
  ensureNumbering(document.getZip(), numberingInstancesXml(context.numberedLists));
  if (planned.draft) markDraft(document.getZip(), planned.draft);
  return deterministicZip(document.getZip(), properties);
}

/** Puts the draft mark before the body's first paragraph, whatever the template holds. */
function markDraft(zip: PizZip, text: string): void {
  const xml = zip.file('word/document.xml')?.asText() ?? '';
  zip.file('word/document.xml', xml.replace(/<w:body>/, `<w:body>${draftXml(text)}`));
}

/** docxtemplater reports template syntax errors as a MultiError with one entry per problem. */
function describeTemplateError(error: unknown): string {
  const errors = (error as { properties?: { errors?: { properties?: { explanation?: string } }[] } }).properties
    ?.errors;
  if (errors?.length) return `fel i mallen: ${errors.map((e) => e.properties?.explanation ?? 'okänt fel').join('; ')}`;
  return `fel i mallen: ${error instanceof Error ? error.message : String(error)}`;
}
