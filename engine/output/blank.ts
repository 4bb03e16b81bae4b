// A blank ansökningsmall for a new funding round, from the same template as the filled ones.
import path from 'node:path';
import { forbundSchema, type Forbund } from '../../schemas/index.js';
import { parseYamlFile } from '../load/yaml.js';
import { applicationForm } from '../import/form-docx.js';

/** The förbund alone, for commands that need its texts but no meeting. */
export function loadForbundOnly(contentRoot: string): Forbund | undefined {
  const file = path.join(contentRoot, 'forbund.yaml');
  const parsed = parseYamlFile(file, file);
  const result = forbundSchema.safeParse(parsed.data);
  return result.success ? result.data : undefined;
}

/** The blank form: every field a content control that `handlingar importera` reads back. */
export function blankApplication(forbund: Forbund, contentRoot: string): Buffer {
  return applicationForm(forbund, contentRoot);
}
