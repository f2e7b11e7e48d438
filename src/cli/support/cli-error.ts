// Exit codes that scripts can rely on, and the one error type every command throws to use them.

export const EXIT = {
  ok: 0,
  /** The API refused the request, the server could not be reached, or rows of an import were rejected. */
  failure: 1,
  /** Bad command-line arguments or options. */
  usage: 2,
  /** Bad server settings in the environment (sysexits' EX_CONFIG, as `serve` has always used). */
  config: 78,
  /** Stopped by Ctrl-C (or SIGTERM) after finishing the work in progress (128 + SIGINT, the shell convention). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error whose message says what to fix; the program prints it and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}
