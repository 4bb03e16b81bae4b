// Fills a template with a document's data (docxtemplater's free core: no expressions, so
// nothing in a template or in the content is ever evaluated) and writes deterministic bytes.
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { ensureNumbering } from './numbering.js';
import { numberingInstancesXml } from './richtext.js';
import { deterministicZip } from './zip.js';
import { UserError } from '../errors.js';

export class RenderError extends UserError {}

/** Renders one document. A tag without a value is an error, never a blank or "undefined". */
export function renderDocx(templateBytes: Uint8Array, data: object, numberedLists: number): Buffer {
  const missing: string[] = [];
  let document: Docxtemplater;
  try {
    document = new Docxtemplater(new PizZip(templateBytes), {
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
  const zip = document.getZip();
  ensureNumbering(zip, numberingInstancesXml(numberedLists));
  return deterministicZip(zip);
}

/** docxtemplater reports template syntax errors as a MultiError with one entry per problem. */
function describeTemplateError(error: unknown): string {
  const errors = (error as { properties?: { errors?: { properties?: { explanation?: string } }[] } }).properties
    ?.errors;
  if (errors?.length) return `fel i mallen: ${errors.map((e) => e.properties?.explanation ?? 'okänt fel').join('; ')}`;
  return `fel i mallen: ${error instanceof Error ? error.message : String(error)}`;
}
