// The command line: a thin layer over the library API. All text is Swedish.
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_DATA, type DocumentKindName } from '../schemas/documents.js';
import { describeFileSystemError, UsageError, UserError } from './errors.js';
import { showInvisible } from './format/invisible.js';
// Straight from the modules that the library API (index.ts) re-exports: the index also
// exports the document stages (and with them marked), which check does not need.
import { defaultCacheFolder } from './check/cache.js';
import { check, checkContent } from './check/run.js';
import { countBySeverity } from './findings.js';
import { locate } from './load/source.js';
import { toGithubAnnotations, toJunit } from './report/ci.js';
import { toJson } from './report/json.js';
import { formatFinding, formatFindingLine, formatSummary } from './report/text.js';

// Commands other than check load their modules when they run (await import), so that
// `handlingar check`, which runs on every save and in CI, starts quickly.

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Exit codes: 0 no errors, 1 errors found, 2 the command could not run. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

class SwedishHelp extends Help {
  override formatHelp(command: Command, helper: Help): string {
    return super
      .formatHelp(command, helper)
      .replace(/^Usage:/m, 'Användning:')
      .replace(/^Options:/m, 'Flaggor:')
      .replace(/^Commands:/m, 'Kommandon:')
      .replace(/^Arguments:/m, 'Argument:')
      .replace(/\(choices: /g, '(val: ')
      .replace(/\bdefault: /g, 'standard: ')
      .replace(/\[options\]/g, '[flaggor]')
      .replace(/\[command\]/g, '[kommando]');
  }
}

/** Commander's errors in Swedish: its own messages are English, with the flag or value quoted. */
function translateCommanderError(error: CommanderError): string {
  const quoted = [...error.message.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
  const [first = '', second = ''] = quoted;
  const help = 'se handlingar --help';
  switch (error.code) {
    case 'commander.unknownOption':
      return `okänd flagga ${first}; ${help}`;
    case 'commander.unknownCommand':
      return `okänt kommando ${first}; ${help}`;
    case 'commander.missingArgument':
      return `argumentet ${first} saknas; ${help}`;
    case 'commander.optionMissingArgument':
      return `flaggan ${first} behöver ett värde; ${help}`;
    case 'commander.missingMandatoryOptionValue':
      return `flaggan ${first} måste anges; ${help}`;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(error.message)?.[1];
      return choices
        ? `ogiltigt värde ${second ? `«${second}» ` : ''}för ${first}; välj ett av: ${choices}`
        : `ogiltigt värde för ${first}; ${help}`;
    }
    case 'commander.excessArguments':
      return `för många argument; ${help}`;
    case 'commander.conflictingOption':
      return `flaggorna ${first} och ${second} kan inte användas tillsammans`;
    default:
      return `kommandot kunde inte tolkas; ${help}`;
  }
}

/** An option value that must be a whole number from 1. */
function positiveInteger(value: string): number {
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new InvalidArgumentError('ange ett heltal från 1');
  return Number(value);
}

/** A Command whose help, and that of its subcommands, is in Swedish. */
class SwedishCommand extends Command {
  override createCommand(name?: string): Command {
    return new SwedishCommand(name);
  }
  override createHelp(): Help {
    return Object.assign(new SwedishHelp(), this.configureHelp());
  }
}

/** What a build under --watch wrote: every document when all were, else each by name. */
function rebuiltSummary(result: {
  rendered: string[];
  written: string[];
  protocol?: { documents: readonly unknown[] };
}): string {
  const names = result.rendered.map((file) => path.basename(file));
  // The kallelse packet and, once there is a protokoll, its documents.
  const total = result.written.length + (result.protocol?.documents.length ?? 0);
  if (names.length === 0) return `inget dokument ändrades (${total} oförändrade)`;
  if (names.length === total) return `alla ${names.length} dokument byggda`;
  return `${names.length} av ${total} dokument byggda om: ${names.join(', ')}`;
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new SwedishCommand('handlingar')
    .description('Kontrollerar och sammanställer handlingarna till samordningsförbundets styrelsemöten.')
    .helpOption('-h, --help', 'visa hjälp')
    .helpCommand('help [kommando]', 'visa hjälp för ett kommando')
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar init styrelsehandlingar\n  handlingar check content/moten/2024-09-12\n  handlingar build content/moten/2024-09-12 --pdf\n  handlingar ny ärende content/moten/2025-02-13 "Verksamhetsplan 2026"\n\nVarje felkod förklaras i README.md#kontroller; varje fynd visar länken till sin kod.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
      outputError: () => undefined,
    });

  program
    .command('check')
    .description('kontrollera ett möte, eller alla möten i en innehållsmapp, och visa alla fynd')
    .argument('<sökväg>', 'en mötesmapp (med mote.yaml) eller en innehållsmapp (med forbund.yaml)')
    .addOption(
      new Option(
        '--format <format>',
        'utdataformat: text, json, github (annoteringar i GitHub Actions) eller junit (JUnit-rapport)',
      )
        .choices(['text', 'json', 'github', 'junit'])
        .default('text'),
    )
    .option(
      '--cache <mapp>',
      `cachemapp: möten som inte ändrats kontrolleras inte igen (standard ${defaultCacheFolder()})`,
    )
    .option('--no-cache', 'kontrollera allt på nytt, utan cache')
    .addOption(
      new Option('--jobs <antal>', 'antal trådar som kontrollerar möten samtidigt (standard: en per kärna)').argParser(
        positiveInteger,
      ),
    )
    .helpOption('-h, --help', 'visa hjälp')
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar check content/moten/2024-09-12\n  handlingar check content --format json\n\nSlutkod: 0 inga fel, 1 fel hittades, 2 kunde inte köras.',
    )
    .action(
      async (
        target: string,
        options: { format: 'text' | 'json' | 'github' | 'junit'; cache: string | boolean; jobs?: number },
      ) => {
        const started = performance.now();
        const cache =
          options.cache === false ? undefined : options.cache === true ? defaultCacheFolder() : options.cache;
        const result = await checkContent(target, {
          ...(cache ? { cache } : {}),
          ...(options.jobs ? { jobs: options.jobs } : {}),
        });
        if (result.cacheProblem) io.err(`handlingar: ${result.cacheProblem}`);
        const summary = countBySeverity(result.findings);
        if (options.format === 'json') {
          io.out(toJson(result.findings, summary));
        } else if (options.format === 'github') {
          if (result.findings.length > 0) io.out(toGithubAnnotations(result.findings));
        } else if (options.format === 'junit') {
          io.out(toJunit(result.findings));
        } else {
          for (const finding of result.findings) io.out(`${formatFinding(finding)}\n`);
          io.out(formatSummary(summary.errors, summary.warnings, result.counts, (performance.now() - started) / 1000));
        }
        setExit(summary.errors > 0 ? EXIT.findings : EXIT.ok);
      },
    );
  program
    .command('build')
    .description('skriv kallelsen och alla bilagor för ett möte som Word-dokument')
    .argument('<möte>', 'mötesmappen, t.ex. content/moten/2024-09-12')
    .option('--out <mapp>', 'utdatamapp (standard: out/<datum>)')
    .option('--strict', 'skriv inget om kontrollen hittar fel')
    .option('--pdf', 'slå också ihop allt till ett PDF-paket, handlingar-<datum>.pdf (kräver LibreOffice)')
    .option('--html', 'skriv också varje dokument som en tillgänglig webbsida (<namn>.html)')
    .option('--watch', 'bygg om när innehållet ändras (bara de dokument som ändrats); avsluta med Ctrl+C')
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar build content/moten/2024-09-12\n  handlingar build content/moten/2024-09-12 --out /tmp/paket --strict\n\nInnehåll som inte kan läsas stoppar alltid bygget. Fel i avstämningen stoppar bara med --strict.\nSlutkod: 0 paketet skrevs (fynden visas ändå), 1 inget skrevs, 2 kunde inte köras.',
    )
    .action(
      async (
        target: string,
        options: { out?: string; strict?: boolean; pdf?: boolean; html?: boolean; watch?: boolean },
      ) => {
        const { build, PROTOCOL_FOLDER } = await import('./output/build.js');
        const { assertPdfTools, buildPacket } = await import('./output/pdf.js');
        const { watchBuild } = await import('./output/watch.js');
        if (options.watch) {
          const controller = new AbortController();
          // Ctrl+C is how a watch ends: exit 0 (SIGTERM still interrupts, exit 130).
          const { endWatchOnCtrlC } = await import('./output/interrupt.js');
          endWatchOnCtrlC(() => controller.abort());
          await watchBuild(target, {
            outDir: options.out,
            strict: options.strict,
            signal: controller.signal,
            onBuild: (result, ms, changed) => {
              const summary = countBySeverity(result.check.findings);
              for (const finding of result.check.findings) io.out(formatFindingLine(finding));
              if (changed.length > 0) io.out(`ändrat: ${changed.join(', ')}`);
              io.out(
                result.stopped
                  ? `inget skrevs: ${result.stopped}; väntar på ändringar …`
                  : `${rebuiltSummary(result)} – ${summary.errors} fel, ${summary.warnings} varningar – ${Math.round(ms)} ms; väntar på ändringar …`,
              );
            },
            onError: (error) => io.err(`handlingar: ${error instanceof Error ? error.message : String(error)}`),
          });
          return;
        }
        const started = performance.now();
        if (options.pdf) assertPdfTools();
        const result = build(target, {
          outDir: options.out,
          strict: options.strict,
          html: options.html,
          // With --pdf the packet is added to the staging folder before it replaces the output folder.
          defer: options.pdf,
          onDocument: (file, document) => io.out(`  ${path.basename(file).padEnd(58)} ${document.title}`),
        });
        const summary = countBySeverity(result.check.findings);
        for (const finding of result.check.findings) io.out(formatFindingLine(finding));
        if (result.stopped) {
          io.err(`handlingar: inget skrevs: ${result.stopped}; se fynden ovan`);
          setExit(EXIT.findings);
          return;
        }
        let packet = '';
        if (options.pdf) {
          io.out(
            `Konverterar ${result.written.filter((f) => f.endsWith('.docx')).length} dokument till PDF med LibreOffice …`,
          );
          const { model } = result.check.meetings[0]!;
          const mote = model.mote!.data;
          const forbund = model.forbund!.data.namn;
          const title = `Handlingar till ${mote.organ.toLowerCase()}s sammanträde ${mote.datum}`;
          const metadata = { title, author: forbund, date: mote.datum, subject: `${mote.organ}, ${forbund}` };
          let built: Awaited<ReturnType<typeof buildPacket>>;
          let protocolPacket: Awaited<ReturnType<typeof buildPacket>> | undefined;
          try {
            built = await buildPacket(result.documents, result.staging!, metadata, (converted) =>
              io.out(`  pdf  ${path.basename(converted)}`),
            );
            if (result.protocol)
              protocolPacket = await buildPacket(
                result.protocol.documents,
                result.protocol.outDir,
                { ...metadata, title: `Protokoll från ${mote.organ.toLowerCase()}s sammanträde ${mote.datum}` },
                (converted) => io.out(`  pdf  ${path.basename(converted)}`),
                `protokoll-${mote.datum}.pdf`,
              );
            result.commit!();
          } finally {
            result.discard!();
          }
          for (const warning of [...built.warnings, ...(protocolPacket?.warnings ?? [])]) io.err(warning);
          packet = `, ${path.join(result.outDir!, path.basename(built.file))} (${built.pages} sidor)`;
          if (protocolPacket)
            packet += `, ${path.join(result.outDir!, PROTOCOL_FOLDER, path.basename(protocolPacket.file))} (${protocolPacket.pages} sidor)`;
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(2).replace('.', ',');
        const protocol = result.protocol
          ? ` och ${result.protocol.documents.length} protokollshandlingar i ${path.join(result.outDir!, PROTOCOL_FOLDER)}`
          : '';
        io.out(
          `${result.written.length} dokument i ${result.outDir}${protocol}${packet} – ${summary.errors} fel, ${summary.warnings} varningar i kontrollen – ${seconds} s`,
        );
        setExit(EXIT.ok);
      },
    );

  program
    .command('uppfoljning')
    .description(
      'kontrollera och skriv halvårets uppföljning av insatserna (PM) ur registret och insatsernas rapporter',
    )
    .argument('<innehåll>', 'innehållsmappen (med forbund.yaml och uppfoljning/<period>/)')
    .requiredOption('--period <period>', 'halvåret, t.ex. 2024-h2 (mappen uppfoljning/2024-h2)')
    .option('--out <mapp>', 'utdatamapp (standard: out/uppfoljning-<period>)')
    .option('--check', 'bara kontrollen, skriv inget')
    .option('--html', 'skriv också PM:et som en tillgänglig webbsida')
    .option('--pdf', 'skriv också PM:et som PDF (kräver LibreOffice)')
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar uppfoljning content --period 2024-h2\n  handlingar uppfoljning content --period 2025-h1 --check\n\nSlutkod: 0 skrevs (fynden visas ändå) eller inga fel med --check, 1 inget skrevs eller fel med --check, 2 kunde inte köras.',
    )
    .action(
      async (
        target: string,
        options: { period: string; out?: string; check?: boolean; html?: boolean; pdf?: boolean },
      ) => {
        const { runFollowUp } = await import('./output/uppfoljning.js');
        setExit(await runFollowUp(target, options, io));
      },
    );

  program
    .command('register')
    .description('visa registret över beslut: varje beviljad insats med paragraf och belopp per år')
    .argument('<innehåll>', 'innehållsmappen (med forbund.yaml) eller en mötesmapp i den')
    .addOption(
      new Option('--format <format>', 'utdataformat: text eller json').choices(['text', 'json']).default('text'),
    )
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar register content\n  handlingar register content --format json\n\nRegistret är beslut.yaml och varje beviljat beslut i innehållets protokoll.',
    )
    .action(async (target: string, options: { format: 'text' | 'json' }) => {
      const { registerJson, registerTable } = await import('./report/register.js');
      const result = check(target);
      const register = result.meetings[0]?.derived.register ?? result.register;
      io.out(options.format === 'json' ? registerJson(register) : registerTable(register));
      setExit(EXIT.ok);
    });
  program
    .command('publicera')
    .description(
      'publicera mötena som en webbplats: sammanträden, föredragningslistor och varje handling (HTML och PDF)',
    )
    .argument('<innehåll>', 'innehållsmappen (med forbund.yaml) eller en mötesmapp')
    .requiredOption('--out <mapp>', 'webbplatsens mapp, t.ex. webbplats')
    .option('--utan-pdf', 'publicera bara webbsidorna, utan PDF:er')
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar publicera content --out webbplats\n\nIntegritetskontrollens fynd (personnummer, telefonnummer, e-post, namn på enskilda) stoppar publiceringen.\nSlutkod: 0 webbplatsen skrevs, 1 inget publicerades, 2 kunde inte köras.',
    )
    .action(async (target: string, options: { out: string; utanPdf?: boolean }) => {
      const { publishCommand } = await import('./output/publish-cli.js');
      setExit(await publishCommand(target, options, io));
    });
  program
    .command('förhandsgranska')
    .description('visa ett mötes webbsidor på den här datorn, och ladda om sidan när innehållet ändras')
    .argument('<möte>', 'mötesmappen, t.ex. content/moten/2024-09-12')
    .option('--port <nr>', 'porten (standard 4173; 0 väljer en ledig)', '4173')
    .addHelpText('after', '\nExempel:\n  handlingar förhandsgranska content/moten/2024-09-12\n\nAvsluta med Ctrl+C.')
    .action(async (target: string, options: { port: string }) => {
      const { previewCommand } = await import('./output/publish-cli.js');
      setExit(await previewCommand(target, options, io));
    });

  program
    .command('data')
    .description('visa dokumentmodellen som JSON: de data varje dokument och mall får, och de härledda siffrorna')
    .argument('<möte>', 'mötesmappen')
    .option('--ärende <nr>', 'bara dokumenten för punkt nr på dagordningen')
    .option('--protokoll', 'protokollets dokument (protokoll, anslagsbevis, utdrag) i stället för kallelsens')
    .addHelpText('after', '\nExempel:\n  handlingar data content/moten/2024-09-12 --ärende 5')
    .action(async (target: string, options: { ärende?: string; protokoll?: boolean }) => {
      const { isStructural } = await import('./output/build.js');
      const { KALLELSE_PACKET, PROTOKOLL_PACKET, planProduct } = await import('./documents/packet.js');
      const result = check(target);
      const meeting = result.meetings[0];
      const structural = result.findings.filter(isStructural);
      if (!meeting || structural.length > 0) {
        for (const finding of structural) io.err(formatFindingLine(finding));
        io.err('handlingar: innehållet kan inte läsas; rätta felen ovan');
        setExit(EXIT.findings);
        return;
      }
      const prefix = options.ärende === undefined ? '' : options.ärende.padStart(2, '0');
      const documents = planProduct(options.protokoll ? PROTOKOLL_PACKET : KALLELSE_PACKET, meeting)
        .filter((d) => !prefix || d.name.startsWith(`${prefix}-`) || d.name.startsWith(`${prefix}.`))
        .map(({ name, kind, title, bilaga, orientation, data }) => ({
          dokument: name,
          slag: kind,
          titel: title,
          ...(bilaga ? { bilaga } : {}),
          orientering: orientation,
          data,
        }));
      // The derived figures and tables with their sources, so every figure can be traced;
      // amounts as the model holds them: öre with a unit.
      const { derived } = meeting;
      const kronor = (ore: number) => ({ type: 'amount', ore, unit: 'kr' });
      const { summary, economy } = derived;
      const härlett = {
        siffror: Object.fromEntries(derived.figures),
        sammanställning: {
          rader: summary.rows.map(({ slug, ansokan, decision }) => ({
            ärende: slug,
            insats: ansokan.data.insats,
            källa: `${ansokan.source.file}:${locate(ansokan.source, ['budget', 'rekvirera']).line}`,
            period: { från: decision.från, till: decision.till },
            sökt: kronor(decision.sökt),
            justeringar: kronor(decision.justeringar),
            beviljat: kronor(decision.beviljat),
          })),
          sökt: kronor(summary.sökt),
          justeringar: kronor(summary.justeringar),
          beviljat: kronor(summary.beviljat),
        },
        ekonomisk_information: economy && {
          kolumner: economy.columns,
          rader: economy.rows.map(({ label, values, kind, källa }) => ({
            rad: label,
            slag: kind,
            källa,
            värden: values.map((ore) => (ore === null ? null : { type: 'amount', ore, unit: 'tkr' })),
          })),
        },
      };
      io.out(JSON.stringify({ dokument: documents, härlett }, null, 2));
    });

  const scaffold = program
    .command('ny')
    .description('skapa ett nytt möte, ärende eller en ny ansökan (skriver aldrig över en fil)');
  const report = (files: string[]) => files.forEach((file) => io.out(`  ${path.relative(process.cwd(), file)}`));
  scaffold
    .command('möte')
    .description('skapa content/moten/<datum>/mote.yaml')
    .argument('<datum>', 'mötets datum, ÅÅÅÅ-MM-DD')
    .option('--innehåll <mapp>', 'innehållsmappen', 'content')
    .addHelpText('after', '\nExempel:\n  handlingar ny möte 2025-02-13')
    .action(async (date: string, options: { innehåll: string }) =>
      report((await import('./output/scaffold.js')).newMeeting(options.innehåll, date)),
    );
  scaffold
    .command('ärende')
    .description('skapa en tjänsteskrivelse och sätt den på mötets dagordning')
    .argument('<möte>', 'mötesmappen')
    .argument('<rubrik>', 'ärendets rubrik')
    .addHelpText('after', '\nExempel:\n  handlingar ny ärende content/moten/2025-02-13 "Verksamhetsplan 2026"')
    .action(async (meeting: string, rubrik: string) =>
      report((await import('./output/scaffold.js')).newArende(meeting, rubrik)),
    );
  scaffold
    .command('ansökan')
    .description('skapa en ansökan med tom budget, och dess ärende på dagordningen')
    .argument('<möte>', 'mötesmappen')
    .argument('<insats>', 'insatsens namn')
    .addHelpText('after', '\nExempel:\n  handlingar ny ansökan content/moten/2025-02-13 "Steg för steg – Heby"')
    .action(async (meeting: string, insats: string) =>
      report((await import('./output/scaffold.js')).newAnsokan(meeting, insats)),
    );

  program
    .command('init')
    .description('lägg upp ett förbunds innehållsrepo: package.json, content/, VS Code, CI och .gitignore')
    .argument('<mapp>', 'repots mapp (skapas om den inte finns; befintliga filer skrivs aldrig över)')
    .option('--paket <källa>', 'varifrån npm installerar handlingar (standard: git-adressen i README:s CI-exempel)')
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar init styrelsehandlingar\n  handlingar init . --paket "git+https://git.example.org/forbundet/handlingar.git#v0.2.0"',
    )
    .action(async (dir: string, options: { paket?: string }) => {
      const { initRepository } = await import('./output/init.js');
      report(initRepository(dir, options.paket));
      io.out(
        `Nästa steg: cd ${dir} && npm install, öppna mappen i VS Code (installera det rekommenderade YAML-tillägget), fyll i content/forbund.yaml och skapa ett möte med npx handlingar ny möte <datum>.`,
      );
    });

  program
    .command('schema')
    .description('skriv JSON-scheman för editorns YAML-stöd (komplettering och felmarkering)')
    .requiredOption('--out <mapp>', 'mappen att skriva till, t.ex. schemas/json')
    .addHelpText('after', '\nExempel:\n  handlingar schema --out schemas/json')
    .action(async (options: { out: string }) => {
      const { writeJsonSchemas } = await import('./schema-json.js');
      mkdirSync(options.out, { recursive: true });
      for (const file of writeJsonSchemas(options.out)) io.out(`  ${file}`);
    });

  const templates = program.command('mallar').description('arbeta med Word-mallar');
  templates
    .command('check')
    .description('pröva en egen mall: varje tagg måste finnas i de data mallen får')
    .argument('<fil>', 'mallen, t.ex. content/mallar/kallelse.docx')
    .addOption(new Option('--slag <slag>', 'mallens slag (standard: filens namn)').choices(Object.keys(DOCUMENT_DATA)))
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar mallar check content/mallar/kallelse.docx\n  handlingar mallar check min-kallelse.docx --slag kallelse',
    )
    .action(async (file: string, options: { slag?: DocumentKindName }) => {
      const { checkTemplateTags } = await import('./writers/docx/template.js');
      const kind = options.slag ?? (path.basename(file, '.docx') as DocumentKindName);
      if (!(kind in DOCUMENT_DATA))
        throw new UsageError(`vet inte vilken mall ${file} är; ange --slag (${Object.keys(DOCUMENT_DATA).join(', ')})`);
      let bytes: Buffer;
      try {
        // Checked before reading: a named pipe would block the read.
        if (!statSync(file).isFile()) throw new UsageError(`${file} är ingen vanlig fil`);
        bytes = readFileSync(file);
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`filen ${file} kan inte läsas`);
      }
      const problems = checkTemplateTags(kind, bytes);
      for (const problem of problems) io.out(`${file}: ${problem}`);
      io.out(problems.length === 0 ? `${file}: mallen ${kind} är godkänd` : `${problems.length} problem i ${file}`);
      setExit(problems.length === 0 ? EXIT.ok : EXIT.findings);
    });

  program
    .command('ansokningsmall')
    .description('skriv en tom ansökningsmall för en ny ansökningsomgång')
    .requiredOption('--out <fil>', 'filen att skriva, t.ex. ansokningsmall.docx')
    .option('--innehåll <mapp>', 'innehållsmappen med forbund.yaml', 'content')
    .addHelpText('after', '\nExempel:\n  handlingar ansokningsmall --out ansokningsmall-2026.docx')
    .action(async (options: { out: string; innehåll: string }) => {
      const { blankApplication, loadForbundOnly } = await import('./output/blank.js');
      const { writeAtomically } = await import('./output/write.js');
      const forbund = loadForbundOnly(options.innehåll);
      if (!forbund) throw new UsageError(`hittar ingen giltig forbund.yaml i ${options.innehåll}`);
      writeAtomically(options.out, blankApplication(forbund, path.resolve(options.innehåll)));
      io.out(`  ${options.out}`);
    });
  program
    .command('budgetmall')
    .description('skriv förbundets budgetmall i Excel för en ansökningsomgång: färgade fält att fylla i, låsta summor')
    .requiredOption('--år <år>', 'insatsens år, t.ex. 2025-2027')
    .requiredOption('--parter <namn>', 'partskolumnerna, kommaseparerade; den första är huvudinsatsägaren')
    .requiredOption('--out <fil>', 'filen att skriva, t.ex. budget.xlsx')
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar budgetmall --år 2025-2027 --parter "Knivsta kommun,Region Uppsala" --out budget.xlsx',
    )
    .action(async (options: { år: string; parter: string; out: string }) => {
      const { budgetWorkbook, parseYears, specFor } = await import('./import/budgetmall.js');
      const { writeAtomically } = await import('./output/write.js');
      const parter = options.parter
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      if (parter.length === 0) throw new UsageError('ange minst en part med --parter');
      writeAtomically(options.out, await budgetWorkbook(specFor(parter, parseYears(options.år))));
      io.out(`  ${options.out}`);
    });
  program
    .command('importera')
    .description(
      'läs den sökandes Word-ansökan och Excel-budget till ansokningar/<insats>.yaml (skriver aldrig över en fil)',
    )
    .argument('<filer...>', 'ansökan (.docx) och/eller budgeten (.xlsx) för en ansökan')
    .requiredOption('--till <möte>', 'mötesmappen, t.ex. content/moten/2025-02-13')
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar importera budget.xlsx --till content/moten/2025-02-13\n  handlingar importera ansokan.docx budget.xlsx --till content/moten/2025-02-13\n\nSlutkod: 0 importerad, 1 fel i filerna (se fynden), 2 kunde inte köras.',
    )
    .action(async (files: string[], options: { till: string }) => {
      const { importFiles } = await import('./import/index.js');
      const outcome = await importFiles(files, options.till);
      for (const finding of outcome.findings) io.out(`${formatFinding(finding)}\n`);
      const summary = countBySeverity(outcome.findings);
      if (outcome.written) {
        io.out(`  ${path.relative(process.cwd(), outcome.written)}`);
        io.out(
          `Importerad med ${summary.errors} fel och ${summary.warnings} varningar i filerna; kör handlingar check ${options.till}`,
        );
      } else io.err('handlingar: inget importerades; se fynden ovan');
      setExit(!outcome.written || summary.errors > 0 ? EXIT.findings : EXIT.ok);
    });
  return program;
}

/**
 * For the command-line process only: Ctrl+C and SIGTERM undo what is under way (temporary
 * files, the staging folder, LibreOffice and its profile) and exit with 130.
 */
export async function installInterruptHandlers(): Promise<void> {
  (await import('./output/interrupt.js')).installInterruptHandlers();
}

/** Runs the CLI with the given arguments (without "node handlingar"); resolves to the exit code. */
export async function run(args: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (args.length === 0) {
      program.outputHelp();
      return EXIT.unusable;
    }
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.help' ||
        error.code === 'commander.version'
      )
        return EXIT.ok;
      io.err(`handlingar: ${translateCommanderError(error)}`);
      return EXIT.unusable;
    }
    if (error instanceof UserError) {
      io.err(`handlingar: ${showInvisible(error.message)}`);
      return error.exitCode;
    }
    // A file-system problem the command did not foresee is still the user's to solve (exit 2).
    const fileSystem = describeFileSystemError(error);
    if (fileSystem) {
      io.err(`handlingar: ${showInvisible(fileSystem)}`);
      return EXIT.unusable;
    }
    // An unexpected failure is a bug in the engine; say so in one line, without a stack trace.
    io.err(`handlingar: internt fel: ${error instanceof Error ? error.message : String(error)}`);
    io.err('Detta är ett fel i handlingar, inte i innehållet. Kör med HANDLINGAR_DEBUG=1 för detaljer.');
    if (process.env.HANDLINGAR_DEBUG) io.err(error instanceof Error ? (error.stack ?? '') : '');
    return EXIT.unusable;
  }
}
