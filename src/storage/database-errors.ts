// Database errors other than constraint violations (constraint-errors.ts) are translated here, and
// only here. Unavailability: a request that cannot reach the database
// (PostgreSQL stopped, restarting, unreachable; SQLite locked by another writer past the busy timeout)
// gets a quick, retryable 503 ServiceUnavailableException instead of a 500 or a hang. The AWS SDK
// clients retry 503s by themselves, so a short outage is invisible to a patient client.
import { NumberyardError } from '../domain/numberyard-error';

interface DriverError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

// Socket-level failures Node reports while connecting to or talking with PostgreSQL.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// PostgreSQL SQLSTATEs meaning "the server cannot serve you now": 08xxx connection exceptions,
// 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up / recovering),
// 53300 too many connections, 57014 statement cancelled (statement_timeout in database.ts).
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300|57014)$/;

// pg's own errors carry no code, only these messages (pg/lib/client.js, pg-pool/index.js).
const PG_CLIENT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Query read timeout',
];

function isUnavailable(error: DriverError, depth: number): boolean {
  const code = typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined) {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
    // SQLITE_BUSY (and its extended codes) after busy_timeout: another writer holds the file.
    if (code.startsWith('SQLITE_BUSY')) return true;
  }
  if (typeof error.message === 'string' && PG_CLIENT_MESSAGES.some((m) => (error.message as string).startsWith(m))) return true;
  // pg-pool wraps the socket error of a failed connect as `cause`.
  if (depth < 3 && typeof error.cause === 'object' && error.cause !== null) return isUnavailable(error.cause as DriverError, depth + 1);
  return false;
}

// Text PostgreSQL cannot store in UTF-8 (a NUL byte, %00 in a path id): 22021 character not in
// repertoire, 22P05 untranslatable character. Bad input, not a failure; SQLite stores such text.
const UNSTORABLE_TEXT_SQLSTATE = new Set(['22021', '22P05']);

/**
 * ServiceUnavailable when `error` says the database cannot be reached right now, BadRequest when it
 * refused text of the request, else undefined.
 */
export function translateDatabaseError(error: unknown): NumberyardError | undefined {
  if (typeof error !== 'object' || error === null || error instanceof NumberyardError) return undefined;
  const driverError = error as DriverError;
  if (typeof driverError.code === 'string' && UNSTORABLE_TEXT_SQLSTATE.has(driverError.code)) {
    return new NumberyardError('BadRequest', 'The request contains characters that cannot be stored or looked up (such as NUL)');
  }
  if (!isUnavailable(driverError, 0)) return undefined;
  return new NumberyardError('ServiceUnavailable', 'The database is unavailable at the moment; retry the request');
}
