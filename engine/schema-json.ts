// JSON Schemas for editors, generated from the zod schemas (the single contract), with the
// Swedish descriptions of schemas/descriptions.ts. `handlingar schema --out schemas/json`.
//
// They are written for the YAML language server (VS Code's YAML extension), which checks the
// YAML as typed: a key `2025:` is an integer, `8.260` is the number 8.26. Every value form the
// users type (amounts, dates, percentages, years, times, file names) gets a schema that gives
// the same verdict as `check` wherever JSON Schema can see the difference, and a Swedish
// message with an example of the right form (`errorMessage`, which the server shows instead
// of its own English text).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DOCUMENT_DESCRIPTIONS, FIELD_DESCRIPTIONS } from '../schemas/descriptions.js';
import {
  amount,
  ansokanSchema,
  arendeSchema,
  clockTime,
  ekonomiSchema,
  forbundSchema,
  GROUPED,
  isoDate,
  moteSchema,
  nonNegativeAmount,
  percent,
  PERCENT_PATTERN,
  perYear,
  slug,
  YEAR_PATTERN,
  protokollSchema,
  beslutSchema,
} from '../schemas/index.js';

const SCHEMAS = {
  forbund: forbundSchema,
  mote: moteSchema,
  arende: arendeSchema,
  ansokan: ansokanSchema,
  ekonomi: ekonomiSchema,
  protokoll: protokollSchema,
  beslut: beslutSchema,
};
export type JsonSchemaName = keyof typeof SCHEMAS;

type Json = Record<string, unknown>;

/** The largest amount in whole kronor that is still exact in öre. */
const MAX_KRONOR = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/**
 * A calendar date YYYY-MM-DD that exists (leap years included), as `check` requires. Years
 * 0000–0099 are refused, as by `check`.
 */
const DATE_PATTERN =
  '^(?!00)(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';

const AMOUNT_MESSAGE =
  'Ogiltigt belopp. Skriv kronor som 8260000 eller 8 260 000, med öre som "1 427 333,33" (decimalkomma, inom citattecken); inte 8.260.000, 8,260,000, 8.26, 1e6 eller 8 260 000 kr.';

/** An amount: a whole number of kronor, or Swedish text (a number with a decimal point is ambiguous). */
function amountForm(nonNegative: boolean): Json {
  const pattern = GROUPED.source.replace('^', nonNegative ? '^(?![-\\u2212])' : '^(?![-\\u2212]0+(,0+)?$)');
  const message = nonNegative ? `${AMOUNT_MESSAGE} Beloppet får inte vara negativt.` : AMOUNT_MESSAGE;
  return {
    type: ['integer', 'string'],
    pattern,
    errorMessage: message,
    // Only whole numbers: any other number has already failed the type, with this message.
    ...refuseOutside(nonNegative ? 0 : -MAX_KRONOR, MAX_KRONOR, message, 'integer'),
  };
}

/**
 * Refuses a number outside [min, max] with a Swedish message. The server words its own
 * messages for minimum and maximum in English and ignores errorMessage for them, so the
 * bounds are a condition whose consequence (a value that is null) cannot hold.
 */
function refuseOutside(min: number | undefined, max: number | undefined, message: string, type = 'number'): Json {
  const outside: Json[] = [];
  if (min !== undefined) outside.push({ exclusiveMaximum: min });
  if (max !== undefined) outside.push({ exclusiveMinimum: max });
  return { if: { type, anyOf: outside }, then: { type: 'null', errorMessage: message } };
}

const PERCENT_MESSAGE = 'Ogiltig procentsats. Skriv t.ex. 85 %, 85% eller "12,5 %".';
const YEAR_MESSAGE = 'Nyckeln ska vara ett årtal, t.ex. per_år: { 2025: 510 000, 2026: 510 000 }.';

/** The editor form of each value primitive, by the zod schema that defines it, and its name in $defs. */
const FORMS = new Map<z.ZodType, [string, Json]>([
  [amount, ['belopp', amountForm(false)]],
  [nonNegativeAmount, ['belopp-ej-negativt', amountForm(true)]],
  [
    isoDate,
    [
      'datum',
      {
        type: 'string',
        pattern: DATE_PATTERN,
        errorMessage:
          'Ogiltigt datum. Skriv ÅÅÅÅ-MM-DD med ett datum som finns i kalendern, t.ex. 2025-06-30 (inte 2025-06-31 eller 30/6/2025).',
      },
    ],
  ],
  [
    percent,
    [
      'procent',
      {
        type: ['number', 'string'],
        pattern: PERCENT_PATTERN.source,
        errorMessage: PERCENT_MESSAGE,
        ...refuseOutside(0, 9999.99, PERCENT_MESSAGE),
      },
    ],
  ],
  [
    perYear,
    [
      'per-år',
      {
        type: 'object',
        // The server checks a key as YAML typed it: `2025:` is an integer, `"2025":` a string.
        propertyNames: {
          type: ['string', 'integer'],
          pattern: YEAR_PATTERN.source,
          errorMessage: YEAR_MESSAGE,
          ...refuseOutside(1900, 2099, YEAR_MESSAGE),
        },
        additionalProperties: { $ref: '#/$defs/belopp' },
        errorMessage: 'Skriv beloppen per år som { 2025: 510 000, 2026: 510 000 }.',
      },
    ],
  ],
  [
    clockTime,
    [
      'klockslag',
      {
        type: 'string',
        pattern: '^([01]\\d|2[0-3])\\.[0-5]\\d$',
        errorMessage: 'Skriv klockslaget som TT.MM inom citattecken, t.ex. "09.00".',
      },
    ],
  ],
  [
    slug,
    [
      'filnamn',
      {
        type: 'string',
        pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
        errorMessage: 'Skriv filnamnet utan .yaml, med a–z, 0–9 och bindestreck, t.ex. vaxtkraft.',
      },
    ],
  ],
]);

const TYPE_WORDS: Record<string, string> = {
  string: 'en text',
  integer: 'ett heltal',
  number: 'ett tal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett avsnitt med nycklar',
  null: 'tom (~)',
};

/** The bounds zod writes for every integer (±2^53) say nothing to a user. */
const meaningful = (bound: unknown): number | undefined =>
  typeof bound === 'number' && Math.abs(bound) < 1e15 ? bound : undefined;

/**
 * A Swedish message for a plain node (text, number, list, section), naming the field; the
 * bounds the server would report in English become conditions with that message.
 */
function plainMessage(node: Json, name: string): string | undefined {
  const field = name ? `«${name}»` : 'Filen';
  if (Array.isArray(node.enum)) return `${field} ska vara ett av: ${node.enum.map(String).join(', ')}.`;
  if (node.const !== undefined) return `${field} ska vara ${String(node.const)}.`;
  const type = node.type;
  if (typeof type !== 'string' || !TYPE_WORDS[type]) return undefined;
  let message = `${field} ska vara ${TYPE_WORDS[type]}`;
  if (type === 'string' && node.minLength === 1) {
    message += ' som inte är tom';
    delete node.minLength;
    node.pattern = '[\\s\\S]';
  }
  if (type === 'array') {
    const minItems = typeof node.minItems === 'number' ? node.minItems : 0;
    if (minItems > 0) message += ` med minst ${minItems} post`;
    message += ', t.ex. [a, b] eller en rad per post som börjar med «- »';
    if (minItems > 0)
      Object.assign(node, {
        if: { type: 'array', maxItems: minItems - 1 },
        then: { type: 'null', errorMessage: `${message}.` },
      });
    delete node.minItems;
  }
  if (type === 'integer' || type === 'number') {
    const above = meaningful(node.exclusiveMinimum); // positive(): > 0, i.e. from 1 for a whole number
    const [min, max] = [above === undefined ? meaningful(node.minimum) : above + 1, meaningful(node.maximum)];
    delete node.exclusiveMinimum;
    if (min !== undefined) message += ` från ${min}`;
    if (max !== undefined) message += ` till ${max}`;
    delete node.minimum;
    delete node.maximum;
    if (min !== undefined || max !== undefined) Object.assign(node, refuseOutside(min, max, `${message}.`));
  }
  return `${message}.`;
}

/**
 * Makes one node of the generated schema speak Swedish to the server: a message for each
 * node, a missing key reported with its own message (one `required` per key), and an unknown
 * key reported at the key with the allowed ones (`propertyNames`, since the server's message
 * for `additionalProperties: false` is English).
 */
function localize(node: unknown, name = ''): void {
  if (Array.isArray(node)) return node.forEach((item) => localize(item, name));
  if (!node || typeof node !== 'object') return;
  const object = node as Json;
  if (object.errorMessage !== undefined) return; // a value form, already complete
  const properties = object.properties as Record<string, Json> | undefined;
  if (properties) {
    for (const [key, property] of Object.entries(properties)) {
      const description = FIELD_DESCRIPTIONS[key];
      if (description) property.description = description;
      localize(property, key);
    }
    const known = Object.keys(properties);
    if (object.additionalProperties === false) {
      delete object.additionalProperties;
      object.propertyNames = {
        enum: known,
        errorMessage: `Okänd nyckel${name ? ` i «${name}»` : ''}. Tillåtna nycklar: ${known.join(', ')}.`,
      };
    }
    if (Array.isArray(object.required) && object.required.length > 0) {
      object.allOf = (object.required as string[]).map((key) => ({
        required: [key],
        errorMessage: `«${key}» saknas${name ? ` i «${name}»` : ''}. ${properties[key]?.description ?? ''}`.trim(),
      }));
      delete object.required;
    }
  } else if (object.type === 'object' && object.propertyNames) {
    // A record keyed by names (parties): any key YAML may type is a name.
    delete object.propertyNames;
  }
  for (const [key, value] of Object.entries(object)) {
    if (key === 'properties') continue;
    if (key === 'items' || key === 'additionalProperties' || key === 'anyOf' || key === 'oneOf') localize(value, name);
  }
  const message = plainMessage(object, name);
  if (message) object.errorMessage = message;
}

/** The value forms a schema refers to, directly or through another form. */
function usedForms(schema: Json): Json {
  const forms = new Map([...FORMS.values()]);
  const used: Json = {};
  let pending = JSON.stringify(schema);
  for (;;) {
    const names = [...pending.matchAll(/"#\/\$defs\/([^"]+)"/g)].map((m) => m[1]!).filter((n) => !(n in used));
    if (names.length === 0) return used;
    for (const name of names) used[name] = structuredClone(forms.get(name));
    pending = JSON.stringify(names.map((name) => used[name]));
  }
}

export function jsonSchemas(): Record<JsonSchemaName, object> {
  const result = {} as Record<JsonSchemaName, object>;
  for (const [name, schema] of Object.entries(SCHEMAS) as [JsonSchemaName, z.ZodType][]) {
    const json = z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
      // Each value form is written once, in $defs, and referred to wherever it is used.
      override: ({ zodSchema, jsonSchema }) => {
        const form = FORMS.get(zodSchema as unknown as z.ZodType);
        if (!form) return;
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Json)[key];
        Object.assign(jsonSchema, { $ref: `#/$defs/${form[0]}` });
      },
    }) as Json;
    localize(json);
    json.$defs = usedForms(json);
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
