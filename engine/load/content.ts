// Finds the content of one meeting (or of every meeting in a content folder), reads each
// file with its positions, validates it against its schema and resolves the references
// between files. The result is the validated model; every problem is a finding.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  ansokanBudgetSchema,
  ansokanSchema,
  arendeSchema,
  beslutSchema,
  ekonomiSchema,
  forbundSchema,
  moteSchema,
  protokollSchema,
  type Ansokan,
  type AnsokanBudget,
  type Arende,
  type Beslut,
  type Ekonomi,
  type Forbund,
  type Mote,
  type Protokoll,
} from '../../schemas/index.js';
import { finding, findingAt, type Finding } from '../findings.js';
import { inspectBilaga, type BilagaProblem } from './bilaga.js';
import { insideOf, isInside } from './paths.js';
import type { Path, SourceFile } from './source.js';
import { validate } from './validate.js';
import { parseYamlFile } from './yaml.js';
import { findPlaceholders } from './placeholders.js';
import { UsageError } from '../errors.js';

export interface Loaded<T> {
  data: T;
  source: SourceFile;
}

export interface MeetingModel {
  /** The meeting folder as shown to the user. */
  dir: string;
  absoluteDir: string;
  contentRoot: string;
  forbund?: Loaded<Forbund>;
  ekonomi?: Loaded<Ekonomi>;
  /** Decisions taken before the förbund used handlingar (beslut.yaml): the start of the register. */
  beslut?: Loaded<Beslut>;
  mote?: Loaded<Mote>;
  /** The protokoll of the meeting, once it has been held (protokoll.yaml). */
  protokoll?: Loaded<Protokoll>;
  arenden: Map<string, Loaded<Arende>>;
  ansokningar: Map<string, Loaded<Ansokan>>;
  /**
   * Ansökningar whose file has errors elsewhere but whose budget reads: their budget is still
   * checked. Every ansökan file that did not load as a whole is named in `broken`.
   */
  budgets: Map<string, Loaded<AnsokanBudget>>;
  broken: Set<string>;
}

/** The argument does not name a meeting or a content folder: the command cannot run. */
export class ContentPathError extends UsageError {}

const display = (absolute: string) => path.relative(process.cwd(), absolute) || '.';

function findContentRoot(start: string): string | undefined {
  let dir = start;
  for (let depth = 0; depth < 4; depth++) {
    if (existsSync(path.join(dir, 'forbund.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** Resolves a meeting folder or a content folder into the meeting folders to load. */
export function resolveMeetingDirs(target: string): { contentRoot: string; meetingDirs: string[] } {
  const absolute = path.resolve(target);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new ContentPathError(`mappen ${target} finns inte`);
  }
  if (existsSync(path.join(absolute, 'mote.yaml'))) {
    const contentRoot = findContentRoot(path.dirname(absolute));
    if (!contentRoot) throw new ContentPathError(`hittar ingen forbund.yaml ovanför ${target}`);
    return { contentRoot, meetingDirs: [absolute] };
  }
  if (existsSync(path.join(absolute, 'forbund.yaml'))) {
    const meetingsDir = path.join(absolute, 'moten');
    const meetingDirs = existsSync(meetingsDir)
      ? readdirSync(meetingsDir)
          .sort()
          .map((name) => path.join(meetingsDir, name))
          .filter((dir) => existsSync(path.join(dir, 'mote.yaml')))
      : [];
    return { contentRoot: absolute, meetingDirs };
  }
  throw new ContentPathError(
    `${target} är varken en mötesmapp (med mote.yaml) eller en innehållsmapp (med forbund.yaml)`,
  );
}

/** Loads content files against their schemas, gathering every finding. */
export class Loader {
  readonly findings: Finding[] = [];
  private readonly insideRoot: (candidate: string) => boolean;
  constructor(contentRoot: string) {
    this.insideRoot = insideOf(contentRoot);
  }

  load<S extends z.ZodType>(schema: S, absolute: string): Loaded<z.output<S>> | undefined {
    const file = display(absolute);
    // Inside the content first: it answers for nearly every file, so existsSync (a second
    // file-system call) is only asked about a file that lies outside.
    if (!this.insideRoot(absolute) && existsSync(absolute)) {
      this.findings.push(
        findingAt('fil.utanför', { file, line: 1, column: 1 }, 'filen pekar ut ur innehållsmappen (symbolisk länk)'),
      );
      return undefined;
    }
    const parsed = parseYamlFile(absolute, file);
    this.lastParsed = parsed;
    this.findings.push(...parsed.findings, ...findPlaceholders(parsed.source));
    if (parsed.data === undefined) return undefined;
    const { value, findings } = validate(schema, parsed.data, parsed.source);
    this.findings.push(...findings);
    return value === undefined ? undefined : { data: value, source: parsed.source };
  }

  /** The file last loaded read again with a narrower schema, silently: its findings are already reported. */
  reread<S extends z.ZodType>(schema: S): Loaded<z.output<S>> | undefined {
    const parsed = this.lastParsed;
    if (!parsed || parsed.data === undefined) return undefined;
    const { value } = validate(schema, parsed.data, parsed.source);
    return value === undefined ? undefined : { data: value, source: parsed.source };
  }

  private lastParsed: ReturnType<typeof parseYamlFile> | undefined;
}

const yamlSlugs = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => name.slice(0, -'.yaml'.length))
        .sort()
    : [];

export type SharedContent = Pick<MeetingModel, 'forbund' | 'ekonomi' | 'beslut'>;

/** The files every meeting of a content folder shares: the förbund, its economy, the decisions before handlingar. */
export function loadShared(loader: Loader, contentRoot: string): SharedContent {
  const optional = <S extends z.ZodType>(schema: S, name: string) => {
    const file = path.join(contentRoot, name);
    return existsSync(file) ? loader.load(schema, file) : undefined;
  };
  const forbund = loader.load(forbundSchema, path.join(contentRoot, 'forbund.yaml'));
  const ekonomi = optional(ekonomiSchema, 'ekonomi.yaml');
  const beslut = optional(beslutSchema, 'beslut.yaml');
  return { ...(forbund ? { forbund } : {}), ...(ekonomi ? { ekonomi } : {}), ...(beslut ? { beslut } : {}) };
}

/** What orders a meeting among the others and numbers its paragraphs: its date and its protokoll. */
export function loadMeetingHead(loader: Loader, absoluteDir: string): Pick<MeetingModel, 'mote' | 'protokoll'> {
  const protocolFile = path.join(absoluteDir, 'protokoll.yaml');
  const protokoll = existsSync(protocolFile) ? loader.load(protokollSchema, protocolFile) : undefined;
  const mote = loader.load(moteSchema, path.join(absoluteDir, 'mote.yaml'));
  return { ...(protokoll ? { protokoll } : {}), ...(mote ? { mote } : {}) };
}

export function loadMeeting(
  loader: Loader,
  contentRoot: string,
  absoluteDir: string,
  shared: SharedContent,
): MeetingModel {
  const meeting: MeetingModel = {
    dir: display(absoluteDir),
    absoluteDir,
    contentRoot,
    ...shared,
    ...loadMeetingHead(loader, absoluteDir),
    arenden: new Map(),
    ansokningar: new Map(),
    budgets: new Map(),
    broken: new Set(),
  };
  const arendeDir = path.join(absoluteDir, 'arenden');
  const ansokanDir = path.join(absoluteDir, 'ansokningar');
  const arendeFiles = new Set(yamlSlugs(arendeDir));
  const ansokanFiles = new Set(yamlSlugs(ansokanDir));
  const referencedArenden = new Set<string>();
  const referencedAnsokningar = new Set<string>();

  meeting.mote?.data.dagordning.forEach((item, index) => {
    if (!item.ärende) return;
    referencedArenden.add(item.ärende);
    if (!arendeFiles.has(item.ärende)) {
      loader.findings.push(
        finding(
          'ref.ärende-saknas',
          meeting.mote!.source,
          ['dagordning', index, 'ärende'],
          `ärendefilen arenden/${item.ärende}.yaml finns inte`,
        ),
      );
    }
  });

  for (const slug of arendeFiles) {
    const arende = loader.load(arendeSchema, path.join(arendeDir, `${slug}.yaml`));
    if (!arende) continue;
    meeting.arenden.set(slug, arende);
    const ansokan = arende.data.ansökan;
    if (ansokan) {
      if (referencedArenden.has(slug)) referencedAnsokningar.add(ansokan);
      if (!ansokanFiles.has(ansokan)) {
        loader.findings.push(
          finding(
            'ref.ansökan-saknas',
            arende.source,
            ['ansökan'],
            `ansökningsfilen ansokningar/${ansokan}.yaml finns inte`,
          ),
        );
      }
    }
    arende.data.bilagor.forEach((bilaga, index) => {
      if (bilaga.fil === undefined) return;
      const target = path.resolve(absoluteDir, bilaga.fil);
      const at: Path = ['bilagor', index, 'fil'];
      if (!isInside(contentRoot, target)) {
        loader.findings.push(
          finding('fil.utanför', arende.source, at, `bilagan ${bilaga.fil} ligger utanför innehållsmappen`),
        );
      } else if (!existsSync(target)) {
        loader.findings.push(finding('ref.bilaga-saknas', arende.source, at, `bilagan ${bilaga.fil} finns inte`));
      } else if (!statSync(target).isFile()) {
        // A folder, or a named pipe that would block the read: said, never read.
        loader.findings.push(
          finding(
            'ref.bilaga-saknas',
            arende.source,
            at,
            `bilagan ${bilaga.fil} är ingen vanlig fil (en mapp eller en specialfil)`,
          ),
        );
      } else if (!/\.(docx|pdf)$/i.test(target)) {
        loader.findings.push(
          finding('ref.bilaga-saknas', arende.source, at, `bilagan ${bilaga.fil} är varken .docx eller .pdf`),
        );
      } else {
        let problem: BilagaProblem | undefined;
        try {
          problem = inspectBilaga(target);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          problem = {
            code: 'bilaga.skadad',
            message: code === 'EACCES' || code === 'EPERM' ? 'kan inte läsas: behörighet saknas' : 'kan inte läsas',
          };
        }
        if (problem)
          loader.findings.push(finding(problem.code, arende.source, at, `bilagan ${bilaga.fil} ${problem.message}`));
      }
    });
  }
  for (const slug of ansokanFiles) {
    const ansokan = loader.load(ansokanSchema, path.join(ansokanDir, `${slug}.yaml`));
    if (ansokan) {
      meeting.ansokningar.set(slug, ansokan);
      continue;
    }
    meeting.broken.add(slug);
    const budget = loader.reread(ansokanBudgetSchema);
    if (budget) meeting.budgets.set(slug, budget);
  }

  if (meeting.mote) {
    for (const [slug, arende] of meeting.arenden) {
      if (!referencedArenden.has(slug))
        loader.findings.push(
          finding('ref.oanvänd', arende.source, [], `ärendet arenden/${slug}.yaml står inte på dagordningen`),
        );
    }
    for (const [slug, ansokan] of meeting.ansokningar) {
      if (!referencedAnsokningar.has(slug))
        loader.findings.push(
          finding(
            'ref.oanvänd',
            ansokan.source,
            [],
            `ansökan ansokningar/${slug}.yaml hör inte till något ärende på dagordningen`,
          ),
        );
    }
  }
  return meeting;
}

export type { Ansokan, Arende, Beslut, Ekonomi, Forbund, Mote, Protokoll };
