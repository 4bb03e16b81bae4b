// Turns zod's verdict on one file into findings at the line of the offending value.
import { z } from 'zod';
import { finding, textFigure, type Finding, type FindingCode, type FindingExtra } from '../findings.js';
import { hasValue, type SourceFile } from './source.js';

// Messages from zod's own checks (too small, too big …) in the users' language, for this
// parse only: the engine sets no global configuration of zod.
const SWEDISH = z.locales.sv().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett avsnitt med nycklar',
  record: 'ett avsnitt med nycklar',
  null: 'ett tomt värde',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'ett tomt värde';
  if (Array.isArray(value)) return 'en lista';
  if (typeof value === 'object') return 'ett avsnitt med nycklar';
  return `«${String(value)}»`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}

function toFinding(issue: z.core.$ZodIssue, data: unknown, source: SourceFile): Finding {
  const path = issue.path.map((step) => (typeof step === 'symbol' ? String(step) : step));
  const make = (
    code: FindingCode,
    message: string,
    at = path,
    onKey = false,
    extra: Omit<FindingExtra, 'onKey'> = {},
  ): Finding => finding(code, source, at, message, { ...extra, onKey });
  const name = String(path.at(-1) ?? '');

  switch (issue.code) {
    case 'unrecognized_keys':
      return make('schema.okänd-nyckel', issue.message, [...path, issue.keys[0]!], true);
    case 'invalid_key':
      return make('schema.år', `ogiltig nyckel «${name}»: ${issue.issues[0]?.message ?? 'fel form'}`, path, true);
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const value = valueAt(data, path);
      if (value === undefined || value === null) {
        const missing = value === undefined && !hasValue(source, path);
        return make(
          'schema.saknas',
          missing ? `uppgiften «${name}» saknas` : `uppgiften «${name}» är tom`,
          path,
          false,
          { expected: textFigure(expected) },
        );
      }
      const found = describeValue(value);
      return make('schema.typ', `«${name}» ska vara ${expected}, inte ${found}`, path, false, {
        expected: textFigure(expected),
        found: textFigure(found),
      });
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      const found = describeValue(valueAt(data, path));
      return make('schema.värde', `«${name}» ska vara ett av: ${allowed}; fann ${found}`, path, false, {
        expected: textFigure(allowed),
        found: textFigure(found),
      });
    }
    case 'invalid_union': {
      // Report the branch that got furthest (an amount's own message rather than "wrong type").
      const specific = issue.errors.flat().find((inner) => inner.code !== 'invalid_type');
      if (specific) return toFinding({ ...specific, path: [...issue.path, ...specific.path] }, data, source);
      return make('schema.typ', `«${name}» har fel form: ${describeValue(valueAt(data, path))}`);
    }
    case 'too_small':
      return make(
        issue.origin === 'array' ? 'schema.saknas' : 'schema.värde',
        issue.origin === 'array'
          ? `«${name}» ska ha minst ${String(issue.minimum)} post`
          : `«${name}»: ${issue.message}`,
      );
    case 'custom': {
      const params = (issue.params ?? {}) as { code?: FindingCode; expected?: string; found?: string };
      const code = params.code ?? 'schema.värde';
      return make(code, issue.message, path, false, {
        ...(params.expected ? { expected: textFigure(params.expected) } : {}),
        ...(params.found ? { found: textFigure(params.found) } : {}),
      });
    }
    default:
      return make('schema.värde', `«${name}»: ${issue.message}`);
  }
}

/** Validates parsed data against a schema; returns the typed value or the findings. */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  source: SourceFile,
): { value?: z.output<S>; findings: Finding[] } {
  // jitless: zod's fast path generates code for each object schema on its first parse, which V8
  // compiles anew in every process (the CLI's code cache cannot hold it); a check parses each
  // schema a few dozen times, too few for that to pay.
  const result = schema.safeParse(data, { error: SWEDISH, jitless: true });
  if (result.success) return { value: result.data, findings: [] };
  return { findings: result.error.issues.map((issue) => toFinding(issue, data, source)) };
}
