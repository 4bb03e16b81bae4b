// Development aid: validates one content file against its zod schema and prints the issues.
// Usage: npx tsx scripts/validate-file.ts <ansokan|arende|mote|forbund|ekonomi> <file.yaml>
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ansokanSchema, arendeSchema, ekonomiSchema, forbundSchema, moteSchema } from '../schemas/index.js';

const schemas = {
  ansokan: ansokanSchema,
  arende: arendeSchema,
  mote: moteSchema,
  forbund: forbundSchema,
  ekonomi: ekonomiSchema,
};
const [kind, file] = process.argv.slice(2) as [keyof typeof schemas, string];
const result = schemas[kind].safeParse(parse(readFileSync(file, 'utf8')));
if (result.success) console.log('ok');
else for (const issue of result.error.issues) console.log(issue.path.join('.'), '—', issue.message);
