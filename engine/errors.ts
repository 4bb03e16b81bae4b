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
