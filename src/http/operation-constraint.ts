import type { IncomingMessage } from 'node:http';

/**
 * The Chime API puts several operations on one method and path and tells them apart by a query
 * parameter (`?operation=batch-update`, `?operation=restore` ...). This router constraint lets each
 * of them be its own route with its own schema. A route without the constraint answers requests that
 * carry no `operation`; an unknown `operation` matches nothing (404).
 */
export const operationConstraint = {
  name: 'operation',
  mustMatchWhenDerived: true,
  validate(value: unknown) {
    if (typeof value !== 'string') throw new TypeError('operation constraint must be a string');
  },
  storage() {
    const handlers = new Map<string, unknown>();
    return {
      get: (value: string) => (handlers.get(value) ?? null) as never,
      set: (value: string, store: unknown) => {
        handlers.set(value, store);
      },
    };
  },
  // find-my-way treats an undefined result as "no constraint derived"; its type says string only.
  deriveConstraint(req: IncomingMessage): string {
    return operationOf(req.url ?? '') as string;
  },
};

/**
 * The first `operation` query parameter, decoded as URLSearchParams decodes it. Runs on every
 * request, so the common cases do no parsing: no query, or a query that can hold no `operation`
 * (the name neither appears as such nor could be percent-encoded in it).
 */
export function operationOf(url: string): string | undefined {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return undefined;
  if (!url.includes('operation', queryStart) && !url.includes('%', queryStart)) return undefined;
  return new URLSearchParams(url.slice(queryStart + 1)).get('operation') ?? undefined;
}
