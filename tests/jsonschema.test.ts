// The JSON Schemas editors use: generated from zod, up to date, described in Swedish, and
// giving the same verdict as zod on the example content and on broken variants of it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, type JsonSchemaName } from '../engine/schema-json.js';
import {
  ansokanSchema,
  arendeSchema,
  beslutSchema,
  ekonomiSchema,
  forbundSchema,
  moteSchema,
  protokollSchema,
} from '../schemas/index.js';

const schemas = jsonSchemas();
const ZOD = {
  forbund: forbundSchema,
  mote: moteSchema,
  arende: arendeSchema,
  ansokan: ansokanSchema,
  ekonomi: ekonomiSchema,
  protokoll: protokollSchema,
  beslut: beslutSchema,
};
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validators = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema)]));

const MEETING = 'content/moten/2024-09-12';
const FILES: [string, JsonSchemaName][] = [
  ['content/forbund.yaml', 'forbund'],
  ['content/ekonomi.yaml', 'ekonomi'],
  [`${MEETING}/mote.yaml`, 'mote'],
  [`${MEETING}/protokoll.yaml`, 'protokoll'],
  ['content/beslut.yaml', 'beslut'],
  ...readdirSync(`${MEETING}/arenden`).map((f): [string, JsonSchemaName] => [`${MEETING}/arenden/${f}`, 'arende']),
  ...readdirSync(`${MEETING}/ansokningar`).map((f): [string, JsonSchemaName] => [
    `${MEETING}/ansokningar/${f}`,
    'ansokan',
  ]),
];

const verdicts = (kind: JsonSchemaName, data: unknown) => ({
  ajv: validators[kind]!(data),
  zod: ZOD[kind].safeParse(data).success,
});

describe('JSON Schemas', () => {
  it.each(Object.keys(schemas))(
    'schemas/json/%s.schema.json is up to date (else run: npx handlingar schema --out schemas/json)',
    (name) => {
      const written = JSON.parse(readFileSync(path.join('schemas/json', `${name}.schema.json`), 'utf8'));
      expect(written).toEqual(schemas[name as JsonSchemaName]);
    },
  );

  it('every property of every schema has a Swedish description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      const object = node as Record<string, unknown>;
      for (const [name, property] of Object.entries(
        (object.properties as Record<string, { description?: string }>) ?? {},
      )) {
        if (!property.description) missing.push(`${where}.${name}`);
      }
      for (const [key, value] of Object.entries(object)) walk(value, `${where}.${key}`);
    };
    for (const [name, schema] of Object.entries(schemas)) walk(schema, name);
    expect(missing).toEqual([]);
  });

  it.each(FILES)('%s: ajv and zod agree that it is valid', (file, kind) => {
    expect(verdicts(kind, parse(readFileSync(file, 'utf8')))).toEqual({ ajv: true, zod: true });
  });

  const vaxtkraft = () => parse(readFileSync(`${MEETING}/ansokningar/vaxtkraft.yaml`, 'utf8'));
  it.each([
    ['an unknown key', (d: Record<string, unknown>) => (d.syftet = 'x')],
    ['a missing required field', (d: Record<string, unknown>) => delete d.period],
    ['a wrong enum value', (d: Record<string, unknown>) => (d.typ = 'individ')],
    [
      'an amount written 8.260.000',
      (d: { budget: { rekvirera: { summa: { totalt: unknown } } } }) => (d.budget.rekvirera.summa.totalt = '8.260.000'),
    ],
    [
      'an amount written 8 260 000 kr',
      (d: { finansiering?: unknown; budget: { rekvirera: { summa: { totalt: unknown } } } }) =>
        (d.budget.rekvirera.summa.totalt = '8 260 000 kr'),
    ],
    [
      'a percentage written in words',
      (d: { budget: { rekvirera: { lön: { summa: { tjänst: unknown } } } } }) =>
        (d.budget.rekvirera.lön.summa.tjänst = 'åttiofem'),
    ],
  ] as const)('%s: both reject it', (_, change) => {
    const data = vaxtkraft();
    (change as (d: never) => void)(data as never);
    expect(verdicts('ansokan', data)).toEqual({ ajv: false, zod: false });
  });
});
