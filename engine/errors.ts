// Errors that are the user's to fix, as opposed to bugs: the CLI prints their message in one
// line and exits with their code, without a stack trace.
export class UserError extends Error {
  /** 1: the content or a template is wrong; 2: the command could not run as given. */
  readonly exitCode: 1 | 2 = 1;
}

/** A path or argument that names nothing usable: the command cannot run (exit 2). */
export class UsageError extends UserError {
  override readonly exitCode = 2 as const;
}

/** A file-system error code as a Swedish sentence about the path; undefined for other errors. */
export function describeFileSystemError(error: unknown, target?: string): string | undefined {
  const { code, path: errorPath } = (error ?? {}) as NodeJS.ErrnoException;
  const where = target ?? errorPath ?? 'filen';
  const messages: Record<string, string> = {
    EACCES: `behörighet saknas för ${where}`,
    EPERM: `behörighet saknas för ${where}`,
    EROFS: `${where} ligger på ett skrivskyddat filsystem`,
    ENOSPC: `disken är full; ${where} kunde inte skrivas`,
    EDQUOT: `diskkvoten är slut; ${where} kunde inte skrivas`,
    EEXIST: `${where} finns redan och är inte en mapp`,
    ENOTDIR: `en del av sökvägen ${where} är en fil, inte en mapp`,
    EISDIR: `${where} är en mapp, inte en fil`,
    ENOENT: `${where} finns inte`,
    ENAMETOOLONG: `sökvägen ${where} är för lång`,
    EMFILE: 'för många öppna filer; försök igen',
    ERR_FS_FILE_TOO_LARGE: `${where} är för stor för att läsas`,
  };
  return code ? messages[code] : undefined;
}
