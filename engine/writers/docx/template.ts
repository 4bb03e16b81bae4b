// Templates: finding the one to use (an organisation's own in content/mallar/, else the
// built-in one), and checking that every tag it uses exists in the data it will receive.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { blocks as blocksSchema } from '../../../schemas/document.js';
import { DOCUMENT_DATA, type DocumentKindName } from '../../../schemas/documents.js';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { UserError } from '../../errors.js';
import { openDocx } from './zip.js';

export class TemplateFileError extends UserError {}

/** The built-in templates live in templates/ at the package root, above src and dist alike. */
function builtInDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    if (existsSync(path.join(dir, 'templates', 'kallelse.docx'))) return path.join(dir, 'templates');
    dir = path.dirname(dir);
  }
  throw new Error('de inbyggda mallarna (templates/*.docx) saknas i installationen');
}

export interface Template {
  kind: DocumentKindName;
  /** Where it came from, as shown to the user. */
  origin: string;
  bytes: Buffer;
}

/** The template for a kind: <kind>.docx in the förbund's folder of own templates when it has one. */
export function findTemplate(kind: DocumentKindName, overrideDir: string): Template {
  const override = path.join(overrideDir, `${kind}.docx`);
  // A named pipe or a folder by that name would block or fail the read: said, not read.
  if (existsSync(override) && !statSync(override).isFile())
    throw new TemplateFileError(
      `${path.relative(process.cwd(), override)} är ingen vanlig fil och kan inte vara en mall`,
    );
  if (existsSync(override))
    return { kind, origin: path.relative(process.cwd(), override), bytes: readFileSync(override) };
  const builtIn = path.join(builtInDir(), `${kind}.docx`);
  return { kind, origin: `inbyggd mall ${kind}.docx`, bytes: readFileSync(builtIn) };
}

export interface TagUse {
  tag: string;
  /** '' plain text, '@' raw OOXML, '#' loop or condition, '^' inverted, '/' end. */
  prefix: '' | '@' | '#' | '^' | '/';
  /** The text of the paragraph the tag stands in. */
  paragraph: string;
  /** A tag that is opened and not closed, or closed and not opened: `tag` is what was written. */
  broken?: true;
}

/** The first tag of a paragraph that opens without closing ({rubrik) or closes without opening. */
function unbalancedBrace(text: string): string | undefined {
  let open = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '{') {
      if (open >= 0) return text.slice(open, index).trimEnd();
      open = index;
    } else if (char === '}') {
      if (open < 0) return text.slice(Math.max(0, index - 20), index + 1).trimStart();
      open = -1;
    }
  }
  return open >= 0 ? text.slice(open, open + 40).trimEnd() : undefined;
}

/** Every tag of the document body, headers and footers, in order, with its paragraph's text. */
export function templateTags(bytes: Uint8Array): TagUse[] {
  const zip = openDocx(bytes);
  const parts = Object.keys(zip.files)
    .filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .sort((a, b) => (a === 'word/document.xml' ? -1 : b === 'word/document.xml' ? 1 : a.localeCompare(b)));
  const uses: TagUse[] = [];
  for (const name of parts) {
    const xml = zip.file(name)!.asText();
    for (const paragraph of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      const text = (paragraph.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? [])
        .map((t) => t.replace(/<[^>]+>/g, ''))
        .join('');
      const unbalanced = unbalancedBrace(text);
      if (unbalanced) uses.push({ prefix: '', tag: unbalanced, paragraph: decodeEntities(text), broken: true });
      for (const match of text.matchAll(/\{([@#^/]?)\s*([^{}]+?)\s*\}/g)) {
        uses.push({ prefix: match[1] as TagUse['prefix'], tag: match[2]!, paragraph: decodeEntities(text) });
      }
    }
  }
  return uses;
}

const decodeEntities = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

type Shape = Record<string, z.ZodType>;
export const shapeOf = (schema: z.ZodType): Shape | undefined => (schema as unknown as { shape?: Shape }).shape;
export const elementOf = (schema: z.ZodType): z.ZodType | undefined =>
  (schema as unknown as { element?: z.ZodType }).element;
/** Blocks go into a template as OOXML, through a raw tag {@…}. */
const isOoxml = (schema: z.ZodType) => schema === blocksSchema;

/** Problems with a template's tags, in Swedish, each naming the tag and its paragraph. */
export function checkTemplateTags(kind: DocumentKindName, bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const scopes: { name: string; shape: Shape }[] = [{ name: '', shape: shapeOf(DOCUMENT_DATA[kind])! }];
  for (const use of templateTags(bytes)) {
    const where = `i stycket «${use.paragraph.trim()}»`;
    if (use.broken) {
      problems.push(`taggen «${use.tag}» är inte avslutad eller inte påbörjad (varje { behöver sin }) ${where}`);
      continue;
    }
    const scope = scopes.at(-1)!;
    const field = scopes
      .slice()
      .reverse()
      .map((s) => s.shape[use.tag])
      .find((candidate) => candidate !== undefined);
    if (use.prefix === '/') {
      if (scope.name !== use.tag) problems.push(`{/${use.tag}} stänger inget öppet {#${use.tag}} ${where}`);
      else scopes.pop();
      continue;
    }
    if (!field) {
      problems.push(
        `taggen {${use.prefix}${use.tag}} finns inte i data för mallen ${kind} ${where}; se handlingar data`,
      );
      if (use.prefix === '#' || use.prefix === '^') scopes.push({ name: use.tag, shape: {} });
      continue;
    }
    if (use.prefix === '#' || use.prefix === '^') {
      const element = elementOf(field);
      scopes.push({ name: use.tag, shape: (element && shapeOf(element)) ?? {} });
    } else if (use.prefix === '@' && !isOoxml(field)) {
      problems.push(`{@${use.tag}} förväntar sig färdig OOXML, men ${use.tag} är text; skriv {${use.tag}} ${where}`);
    } else if (use.prefix === '' && (isOoxml(field) || shapeOf(field) || elementOf(field))) {
      problems.push(
        `{${use.tag}} är ${isOoxml(field) ? 'formaterad text; skriv {@' + use.tag + '} ensamt i ett stycke' : 'en lista; använd {#' + use.tag + '}…{/' + use.tag + '}'} ${where}`,
      );
    }
  }
  for (const open of scopes.slice(1)) problems.push(`{#${open.name}} stängs aldrig med {/${open.name}}`);
  // What the tag reading above cannot see (a tag split oddly across runs, say), docxtemplater's
  // own reading of the template finds: the same reading the build does.
  if (problems.length === 0) problems.push(...compileProblems(bytes));
  return problems;
}

/**
 * The width between the margins of a template's (last) section, in twentieths of a point: the
 * width its tables fill. Undefined when the template does not state its page size.
 */
export function textWidthOf(zip: PizZip): number | undefined {
  const xml = zip.file('word/document.xml')?.asText() ?? '';
  const attribute = (element: string, name: string) => {
    const tags = xml.match(new RegExp(`<w:${element}\\b[^>]*>`, 'g'));
    const value = tags?.at(-1)?.match(new RegExp(`\\bw:${name}="(\\d+)"`))?.[1];
    return value === undefined ? undefined : Number(value);
  };
  const page = attribute('pgSz', 'w');
  const left = attribute('pgMar', 'left');
  const right = attribute('pgMar', 'right');
  if (page === undefined || left === undefined || right === undefined) return undefined;
  return page - left - right;
}

/** docxtemplater's complaints about a template, each naming its tag, in Swedish. */
function compileProblems(bytes: Uint8Array): string[] {
  try {
    new Docxtemplater(new PizZip(bytes), { paragraphLoop: true, linebreaks: false });
    return [];
  } catch (error) {
    type Inner = { properties?: { xtag?: string; id?: string; explanation?: string } };
    const inner = (error as { properties?: { errors?: Inner[] } }).properties?.errors ?? [error as Inner];
    return inner.map((e) => {
      const tag = e.properties?.xtag;
      const id = e.properties?.id ?? '';
      const what = /unopened/.test(id)
        ? 'stängs utan att ha öppnats'
        : /unclosed/.test(id)
          ? 'öppnas men stängs aldrig'
          : /duplicate/.test(id)
            ? 'har en dubbel klammer'
            : 'kan inte läsas';
      return tag ? `taggen «${tag}» ${what}` : `mallen kan inte läsas av docxtemplater (${id || 'okänt fel'})`;
    });
  }
}
