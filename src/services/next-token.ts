import { hash } from 'node:crypto';
import type { SortOrder } from '../contract/enums';
import { badRequest } from '../domain/numberyard-error';

// A NextToken is an opaque keyset position bound to the request that got it: base64url of
// {"a": <last key of the previous page>, "s": <scope>}, plus "d": "desc" for a page read backwards.
// The scope is a digest of the operation and of the filters that shape its results (listScope). A
// token sent with another operation, other filters or the other sort order is refused: its key alone
// would start a page of a different set and silently skip or repeat items.

const DESCENDING_MARK = 'desc';
const INVALID_TOKEN = 'The NextToken is not valid; send the NextToken of a previous response unchanged';

/** What a NextToken is valid for; made by listScope. */
export type ListScope = string & { readonly listScope: unique symbol };

/**
 * The scope of one list request: its operation and every filter that changes which items it lists
 * (not the page size, which may change from page to page). Undefined filters are left out, so a
 * filter that is absent and one never offered are the same.
 */
export function listScope(operation: string, filters: Readonly<Record<string, string | number | undefined>> = {}): ListScope {
  const given = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // 72 bits: tells requests apart; it guards against mistakes, not forgeries (the token is not secret).
  return hash('sha256', JSON.stringify([operation, given]), 'base64url').slice(0, 12) as ListScope;
}

export function encodeNextToken(afterKey: string, scope: ListScope, order: SortOrder = 'asc'): string {
  const content = order === 'desc' ? { a: afterKey, s: scope, d: DESCENDING_MARK } : { a: afterKey, s: scope };
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

/** A token that is not one numberyard issued, or whose position is not of this list's kind. */
export function invalidNextToken() {
  return badRequest(INVALID_TOKEN);
}

/** decodeNextToken for lists keyed by a row id that is a positive integer (audit events, notifications). */
export function decodeIntegerNextToken(token: string | undefined, scope: ListScope): number | undefined {
  const key = decodeNextToken(token, scope);
  if (key === undefined) return undefined;
  if (!/^[0-9]{1,15}$/.test(key)) throw invalidNextToken();
  return Number(key);
}

function parseToken(token: string): { a: string; s?: unknown; d?: unknown } {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('not base64url');
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { a?: unknown }).a === 'string') {
      return parsed as { a: string; s?: unknown; d?: unknown };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest(INVALID_TOKEN);
}

/** The keyset position in `token`, or undefined without one; refuses a token made for another scope or sort order. */
export function decodeNextToken(token: string | undefined, scope: ListScope, order: SortOrder = 'asc'): string | undefined {
  if (token === undefined) return undefined;
  const content = parseToken(token);
  if (content.d !== undefined && content.d !== DESCENDING_MARK) throw badRequest(INVALID_TOKEN);
  const tokenOrder: SortOrder = content.d === DESCENDING_MARK ? 'desc' : 'asc';
  if (tokenOrder !== order) {
    throw badRequest(`The NextToken was issued for sort-order ${tokenOrder}; send it with the same sort-order (and filters) as the request that returned it`);
  }
  if (content.s !== scope) {
    throw badRequest('The NextToken was issued for another request; send it with the same operation and filters as the request that returned it');
  }
  return content.a;
}

/** Cuts a page fetched with limit + 1 rows and makes the token for what follows. */
export function toPage<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => string,
  scope: ListScope,
  order: SortOrder = 'asc',
): { items: T[]; nextToken: string | undefined } {
  if (rows.length <= limit) return { items: rows, nextToken: undefined };
  const items = rows.slice(0, limit);
  return { items, nextToken: encodeNextToken(keyOf(items[items.length - 1]!), scope, order) };
}
