// «FYLL I»: the mark `handlingar ny` and `handlingar init` leave wherever the author must
// write something. Anywhere in a content file, in a value or in a comment, it is an error at
// its own line. Its code is a schema code, so `build` stops on it like on any content that
// cannot be used: a kallelse never goes out with «Plats FYLL I».
import { findingAt, type Finding } from '../findings.js';
import type { SourceFile } from './source.js';

export const FILL_IN = 'FYLL I';

/** The key on a line such as `  plats: FYLL I` or `  - { post: …`, when there is one. */
const keyOf = (line: string) => /^\s*(?:-\s*)?\{?\s*([^\s:#{}[\],"']+):/.exec(line)?.[1];

/** One finding per line that still holds the mark. */
export function findPlaceholders(source: SourceFile): Finding[] {
  const findings: Finding[] = [];
  source.lines.forEach((line, index) => {
    const column = line.indexOf(FILL_IN);
    if (column < 0) return;
    const comment = line.lastIndexOf('#', column) >= 0;
    const key = keyOf(line);
    const what = key ? `«${key}»` : 'uppgiften';
    findings.push(
      findingAt(
        'schema.fyll-i',
        { file: source.file, line: index + 1, column: column + 1, excerpt: line },
        comment
          ? `markeringen ${FILL_IN} står kvar i kommentaren: kontrollera ${what} på raden och ta sedan bort markeringen`
          : `${what} är inte ifylld: skriv in uppgiften i stället för ${FILL_IN}`,
      ),
    );
  });
  return findings;
}
