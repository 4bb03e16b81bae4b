// The command line: a thin layer over the library API. All text is Swedish.
import { Command, CommanderError, Help, Option } from 'commander';
import { check, ContentPathError, countBySeverity } from './index.js';
import { toJson } from './report/json.js';
import { formatFinding, formatSummary } from './report/text.js';

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

function translateCommanderError(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'commander.unknownOption':
      return `okänd flagga ${quoted ?? ''}; se handlingar --help`;
    case 'commander.unknownCommand':
      return `okänt kommando ${quoted ?? ''}; se handlingar --help`;
    case 'commander.missingArgument':
      return `argumentet ${quoted ?? ''} saknas; se handlingar --help`;
    case 'commander.invalidArgument':
      return `ogiltigt värde: ${error.message.replace(/^error: /, '')}`;
    case 'commander.excessArguments':
      return 'för många argument; se handlingar --help';
    default:
      return error.message.replace(/^error: /, '');
  }
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

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new SwedishCommand('handlingar')
    .description('Kontrollerar och sammanställer handlingarna till samordningsförbundets styrelsemöten.')
    .helpOption('-h, --help', 'visa hjälp')
    .helpCommand('help [kommando]', 'visa hjälp för ett kommando')
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
    .addOption(new Option('--format <format>', 'utdataformat').choices(['text', 'json']).default('text'))
    .helpOption('-h, --help', 'visa hjälp')
    .addHelpText(
      'after',
      '\nExempel:\n  handlingar check content/moten/2024-09-12\n  handlingar check content --format json\n\nSlutkod: 0 inga fel, 1 fel hittades, 2 kunde inte köras.',
    )
    .action((target: string, options: { format: 'text' | 'json' }) => {
      const started = performance.now();
      const result = check(target);
      const summary = countBySeverity(result.findings);
      if (options.format === 'json') {
        io.out(toJson(result.findings, summary));
      } else {
        for (const finding of result.findings) io.out(`${formatFinding(finding)}\n`);
        io.out(formatSummary(summary.errors, summary.warnings, result.counts, (performance.now() - started) / 1000));
      }
      setExit(summary.errors > 0 ? EXIT.findings : EXIT.ok);
    });
  return program;
}

/** Runs the CLI with the given arguments (without "node handlingar"); returns the exit code. */
export function run(args: readonly string[], io: Io = processIo): number {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (args.length === 0) {
      program.outputHelp();
      return EXIT.unusable;
    }
    program.parse([...args], { from: 'user' });
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
    if (error instanceof ContentPathError) {
      io.err(`handlingar: ${error.message}`);
      return EXIT.unusable;
    }
    // An unexpected failure is a bug in the engine; say so in one line, without a stack trace.
    io.err(`handlingar: internt fel: ${error instanceof Error ? error.message : String(error)}`);
    io.err('Detta är ett fel i handlingar, inte i innehållet. Kör med HANDLINGAR_DEBUG=1 för detaljer.');
    if (process.env.HANDLINGAR_DEBUG) io.err(error instanceof Error ? (error.stack ?? '') : '');
    return EXIT.unusable;
  }
}
