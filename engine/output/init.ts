// `handlingar init <mapp>`: a förbund's own content repository, set up so that after
// `npm install` the editor completes and flags the content (schemas from the installed
// handlingar), CI checks every pull request, and build output stays out of git.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FILL_IN } from '../load/placeholders.js';
import { UsageError } from '../errors.js';
import { packageRoot, slugify, writeNew } from './scaffold.js';

/** The schema folder as installed by npm in the förbund's repository. */
const INSTALLED_SCHEMAS = 'node_modules/handlingar/schemas/json';

const SCHEMA_FILES: Record<string, string[]> = {
  forbund: ['content/forbund.yaml'],
  ekonomi: ['content/ekonomi.yaml'],
  mote: ['content/moten/*/mote.yaml'],
  protokoll: ['content/moten/*/protokoll.yaml'],
  beslut: ['content/beslut.yaml'],
  arende: ['content/moten/*/arenden/*.yaml'],
  ansokan: ['content/moten/*/ansokningar/*.yaml'],
};

/** The package specification handlingar is installed from, as in the README's CI example. */
export function defaultPackageSource(): string {
  const { version } = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return `git+https://example.org/forbundet/handlingar.git#v${version}`;
}

function vscodeSettings(): string {
  const schemas = Object.fromEntries(
    Object.entries(SCHEMA_FILES).map(([name, globs]) => [`./${INSTALLED_SCHEMAS}/${name}.schema.json`, globs]),
  );
  return `${JSON.stringify(
    {
      'yaml.schemas': schemas,
      'yaml.validate': true,
      'yaml.completion': true,
      'yaml.hover': true,
      'yaml.schemaStore.enable': false,
      'files.encoding': 'utf8',
    },
    null,
    2,
  )}\n`;
}

const forbundYaml = `# yaml-language-server: $schema=../${INSTALLED_SCHEMAS}/forbund.schema.json
# Förbundet: medlemmar, styrelse, kansli och de fasta texterna. Fyll i varje markerad
# uppgift; «npx handlingar check content» visar var de står.
namn: ${FILL_IN}   # förbundets namn
medlemmar:
  - { namn: Försäkringskassan, kortnamn: [FK] }
  - { namn: Arbetsförmedlingen, kortnamn: [AF] }
  - { namn: ${FILL_IN} }   # regionen, och en rad per kommun
styrelse:
  ordinarie:
    - { namn: ${FILL_IN}, uppdrag: ordförande }   # en rad per ledamot
  ersättare: []   # ${FILL_IN}: en rad per ersättare, { namn: … }
kansli:
  - { namn: ${FILL_IN}, roll: förbundschef }   # en rad per person i kansliet
texter:
  överenskommelse:   # ansökans fasta överenskommelse, ett avsnitt per rubrik
    - { rubrik: ${FILL_IN}, text: ${FILL_IN} }
  villkor:   # villkoren som följer varje beviljad ansökan, som att-satser
    - ${FILL_IN}
`;

/** Sets up a content repository in `dir`; writes nothing when any of its files exists. */
export function initRepository(dir: string, packageSource = defaultPackageSource()): string[] {
  const root = path.resolve(dir);
  const name = slugify(path.basename(root)) || 'styrelsehandlingar';
  const packageJson = {
    name,
    private: true,
    description: 'Styrelsehandlingar: innehållet som handlingar kontrollerar och bygger.',
    scripts: { check: 'handlingar check content' },
    dependencies: { handlingar: packageSource },
  };
  const files: [string, string][] = [
    ['package.json', `${JSON.stringify(packageJson, null, 2)}\n`],
    ['.gitignore', 'node_modules/\nout/\n'],
    ['.vscode/settings.json', vscodeSettings()],
    ['.vscode/extensions.json', `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`],
    ['.github/workflows/handlingar.yml', readFileSync(path.join(packageRoot(), 'exempel/handlingar.yml'), 'utf8')],
    ['content/forbund.yaml', forbundYaml],
  ];
  const existing = files.map(([file]) => file).filter((file) => existsSync(path.join(root, file)));
  if (existing.length > 0)
    throw new UsageError(
      `${path.relative(process.cwd(), root) || '.'} har redan ${existing.join(', ')}; inget skrevs (befintliga filer skrivs aldrig över)`,
    );
  return files.map(([file, text]) => writeNew(path.join(root, file), text));
}
