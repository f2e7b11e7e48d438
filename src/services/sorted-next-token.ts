import type { SortOrder } from '../contract/enums';
import { badRequest } from '../domain/numberyard-error';
import { decodeNextToken, encodeNextToken, toPage } from './next-token';

// ListPhoneNumbers pages either way over E.164 (numberyard's sort-order extension). An ascending token
// stays exactly what next-token.ts makes ({"a": key}), so tokens of the AWS API are unchanged; a
// descending one also carries "d": "desc". A token is refused with the other order, because "after
// +1206..." means the opposite rows there.

const DESCENDING_MARK = 'desc';

export function encodeSortedNextToken(afterKey: string, order: SortOrder): string {
  if (order === 'asc') return encodeNextToken(afterKey);
  return Buffer.from(JSON.stringify({ a: afterKey, d: DESCENDING_MARK }), 'utf8').toString('base64url');
}

export function decodeSortedNextToken(token: string | undefined, order: SortOrder): string | undefined {
  const afterKey = decodeNextToken(token);
  if (token === undefined || afterKey === undefined) return undefined;
  const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { d?: unknown };
  if (parsed.d !== undefined && parsed.d !== DESCENDING_MARK) throw badRequest('The NextToken is not valid; send the NextToken of a previous response unchanged');
  const tokenOrder: SortOrder = parsed.d === DESCENDING_MARK ? 'desc' : 'asc';
  if (tokenOrder !== order) {
    throw badRequest(`The NextToken was issued for sort-order ${tokenOrder}; send it with the same sort-order (and filters) as the request that returned it`);
  }
  return afterKey;
}

/** toPage, with a token that carries the sort order. */
export function toSortedPage<T>(rows: T[], limit: number, keyOf: (row: T) => string, order: SortOrder): { items: T[]; nextToken: string | undefined } {
  const page = toPage(rows, limit, keyOf);
  const last = page.items[page.items.length - 1];
  return { items: page.items, nextToken: page.nextToken === undefined || last === undefined ? undefined : encodeSortedNextToken(keyOf(last), order) };
}
