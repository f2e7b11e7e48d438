import { badRequest } from '../domain/numberyard-error';

// A NextToken is an opaque keyset position: base64url of {"a": <last key of the previous page>}.
// It carries no filter, so the caller must send the same filters with it (as the AWS APIs require).

export function encodeNextToken(afterKey: string): string {
  return Buffer.from(JSON.stringify({ a: afterKey }), 'utf8').toString('base64url');
}

export function decodeNextToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('not base64url');
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { a?: unknown }).a === 'string') {
      return (parsed as { a: string }).a;
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('The NextToken is not valid; send the NextToken of a previous response unchanged');
}

/** Cuts a page fetched with limit + 1 rows and makes the token for what follows. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string): { items: T[]; nextToken: string | undefined } {
  if (rows.length <= limit) return { items: rows, nextToken: undefined };
  const items = rows.slice(0, limit);
  return { items, nextToken: encodeNextToken(keyOf(items[items.length - 1]!)) };
}
