import type { ErrorCode } from '../contract/errors';

/**
 * The error every layer throws for an expected failure. It carries a catalog code; the HTTP layer
 * alone turns the code into a status and an AWS exception type. The message is shown to the client,
 * so it must never contain secrets or internals.
 */
export class NumberyardError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NumberyardError';
  }
}

export function badRequest(message: string): NumberyardError {
  return new NumberyardError('BadRequest', message);
}

export function notFound(message: string): NumberyardError {
  return new NumberyardError('NotFound', message);
}

export function conflict(message: string): NumberyardError {
  return new NumberyardError('Conflict', message);
}
