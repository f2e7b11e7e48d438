// Random requests on every route the app registers (read from app.printRoutes, so a new route is
// fuzzed without editing this file): random path parameters, query strings, headers and bodies,
// unsigned and signed with a valid SigV4 signature. Asserted: no answer >= 500; every error in the
// AWS shape ({"Code","Message"} + x-amzn-ErrorType); the database identical before and after.
// Signed requests could legitimately change data if fuzzing produced a valid request, so signed
// bodies are never JSON objects (non-JSON text, arrays, scalars) and path ids are random strings no
// resource has: each signed request must be rejected or find nothing, hence "identical" holds.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { signRaw, type RawRequest } from '../support/raw-signed-request';
import { startTestServer, type TestServer } from '../support/test-server';

interface Route {
  method: string;
  path: string;
  operation?: string;
}

/** Every method + path (+ operation constraint) in Fastify's route tree print-out. */
function routesOf(tree: string): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4}|├── |└── )*)(\S+) \(([A-Z, ]+)\)(?: (\{.*\}))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + match[2]!;
    stack[depth] = path;
    const operation = match[4] ? (JSON.parse(match[4]) as { operation?: string }).operation : undefined;
    for (const method of match[3]!.split(', ')) if (method !== 'HEAD') routes.push({ method, path, operation });
  }
  return routes;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, whatever its columns
async function snapshot(db: Kysely<any>): Promise<string> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
  const counts: string[] = [];
  for (const table of tables) {
    const [row] = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).execute();
    counts.push(`${table}=${Number((row as { n: number | string }).n)}`);
  }
  const numbers = await db.selectFrom('phone_numbers').selectAll().orderBy('e164').execute();
  return `${counts.join(',')} ${createHash('sha256').update(JSON.stringify(numbers)).digest('hex')}`;
}

const segment = fc.oneof(
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom('%2B12065559999', '%ZZ', '..', '%00', 'a'.repeat(300), '00000000-0000-0000-0000-000000000000'),
);
const queryString = fc.dictionary(fc.constantFrom('operation', 'max-results', 'next-token', 'status', 'product-type', 'x', 'area-code'), fc.string({ maxLength: 12 }), { maxKeys: 3 });
const headers = fc.dictionary(fc.constantFrom('x-amz-date', 'x-amz-target', 'content-encoding', 'accept', 'x-custom', 'cookie'), fc.string({ maxLength: 30 }).filter((v) => /^[\x20-\x7e]*$/.test(v)), { maxKeys: 2 });
const anyBody = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 200 }), fc.json().map(String), fc.jsonValue().map((v) => JSON.stringify(v)));
// Never a JSON object: what a signed request carries (see the header comment).
const rejectedBody = fc.oneof(
  fc.string({ maxLength: 200 }).filter((s) => !s.trim().startsWith('{')),
  fc.array(fc.jsonValue(), { maxLength: 3 }).map((v) => JSON.stringify(v)),
  fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)).map((v) => JSON.stringify(v)),
  fc.constant('{"PhoneNumberId":'),
);

function requestFor(route: Route, ids: string[], query: Record<string, string>, body: string | undefined, extra: Record<string, string>): RawRequest {
  let i = 0;
  const path = route.path.replace(/:[A-Za-z]+/g, () => ids[i++ % ids.length]!).replace(/\*$/, ids[0]!);
  const params = new URLSearchParams(query);
  if (route.operation) params.set('operation', route.operation);
  const search = params.toString();
  const methodTakesBody = route.method !== 'GET' && route.method !== 'DELETE';
  return { method: route.method, path: search ? `${path}?${search}` : path, body: methodTakesBody ? body : undefined, headers: extra };
}

interface Answer {
  status: number;
  errorType: string | null;
  text: string;
  json: unknown;
}

// Redirects are answers too (the console and docs redirect to their index): not followed.
async function send(url: URL, method: string, headers: Record<string, string>, body: Buffer | string | undefined): Promise<Answer> {
  const response = await fetch(url, { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), text, json };
}

const unsigned = (endpoint: string, request: RawRequest) =>
  send(new URL(request.path, endpoint), request.method, { ...(request.body === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers }, request.body);

async function signed(endpoint: string, request: RawRequest, server: TestServer): Promise<Answer> {
  const prepared = await signRaw(endpoint, request, { credentials: server.admin.credentials });
  return send(prepared.url, prepared.method, prepared.headers, prepared.body);
}

function expectAwsShape(response: Answer, request: RawRequest): void {
  const where = `${request.method} ${request.path} -> ${response.status} ${response.text.slice(0, 200)}`;
  expect(response.status, where).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.errorType, where).toMatch(/Exception$/);
    expect(response.json, where).toMatchObject({ Code: expect.any(String), Message: expect.any(String) });
  }
}

for (const dialect of DIALECTS) {
  describe(`fuzzing every route [${dialect}]`, () => {
    let server: TestServer;
    let routes: Route[];
    let before: string;
    beforeAll(async () => {
      server = await startTestServer(dialect);
      await importNumbers(server, usNumbers(10, 8000), 'VoiceConnector');
      routes = routesOf(server.server.app.printRoutes({ commonPrefix: false }));
      before = await snapshot(server.server.database.db);
    });
    afterAll(async () => server?.close());

    it('finds the API routes in the route tree', () => {
      const keys = routes.map((r) => `${r.method} ${r.path}${r.operation ? `?${r.operation}` : ''}`);
      expect(keys).toContain('POST /voice-connectors/:VoiceConnectorId?associate-phone-numbers');
      expect(keys).toContain('GET /phone-numbers/:PhoneNumberId');
      expect(routes.length).toBeGreaterThan(40);
    });

    it('answers unsigned random requests with AWS-shaped 4xx and changes nothing', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 10_000 }), fc.array(segment, { minLength: 1, maxLength: 2 }), queryString, anyBody, headers, async (r, ids, query, body, extra) => {
          const request = requestFor(routes[r % routes.length]!, ids, query, body, extra);
          expectAwsShape(await unsigned(server.url, request), request);
        }),
        { numRuns: 300 },
      );
      expect(await snapshot(server.server.database.db)).toBe(before);
    });

    it('rejects signed random requests that cannot be valid, without a 5xx, and changes nothing', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 10_000 }), fc.array(segment, { minLength: 1, maxLength: 2 }), queryString, rejectedBody, headers, async (r, ids, query, body, extra) => {
          const request = requestFor(routes[r % routes.length]!, ids, query, body, extra);
          expectAwsShape(await signed(server.url, request, server), request);
        }),
        { numRuns: 300 },
      );
      expect(await snapshot(server.server.database.db)).toBe(before);
    });
  });
}
