// JSON Schemas for editors, generated from the zod schemas (the single contract), with the
// Swedish descriptions of schemas/descriptions.ts. `handlingar schema --out schemas/json`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DOCUMENT_DESCRIPTIONS, FIELD_DESCRIPTIONS } from '../schemas/descriptions.js';
import { ansokanSchema, arendeSchema, ekonomiSchema, forbundSchema, moteSchema } from '../schemas/index.js';

const SCHEMAS = {
  forbund: forbundSchema,
  mote: moteSchema,
  arende: arendeSchema,
  ansokan: ansokanSchema,
  ekonomi: ekonomiSchema,
};
export type JsonSchemaName = keyof typeof SCHEMAS;

/** Patterns editors can flag before zod sees the file: amounts and dates as users type them. */
const AMOUNT_PATTERN = '^[-\u2212]?(\\d{1,3}([ \u00a0\u202f]\\d{3})*|\\d+)(,\\d{1,2})?$';

function describe(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describe);
  if (!node || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  if (object.properties && typeof object.properties === 'object') {
    for (const [name, property] of Object.entries(object.properties as Record<string, Record<string, unknown>>)) {
      const description = FIELD_DESCRIPTIONS[name];
      if (description) property.description = description;
    }
  }
  // An amount is number | string: the pattern (which applies to strings only) is the Swedish form.
  const type = object.type;
  if (Array.isArray(type) && type.includes('number') && type.includes('string') && !object.pattern)
    object.pattern = AMOUNT_PATTERN;
  Object.values(object).forEach(describe);
}

/** A percentage is number | string too, but with its own pattern ("85 %"). */
function fixPercent(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(fixPercent);
  if (!node || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  const tjänst = (object.properties as Record<string, Record<string, unknown>> | undefined)?.tjänst;
  if (tjänst) tjänst.pattern = '^\\d{1,4}([,.]\\d{1,2})? ?%?$';
  Object.values(object).forEach(fixPercent);
}

export function jsonSchemas(): Record<JsonSchemaName, object> {
  const result = {} as Record<JsonSchemaName, object>;
  for (const [name, schema] of Object.entries(SCHEMAS) as [JsonSchemaName, z.ZodType][]) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    describe(json);
    fixPercent(json);
    const [title, description] = DOCUMENT_DESCRIPTIONS[name];
    result[name] = { $schema: json.$schema, title, description, ...json };
  }
  return result;
}

export function writeJsonSchemas(dir: string): string[] {
  return Object.entries(jsonSchemas()).map(([name, schema]) => {
    const file = path.join(dir, `${name}.schema.json`);
    writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
    return file;
  });
}
