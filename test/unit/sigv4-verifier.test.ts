// The SigV4 verifier against the signer the AWS SDKs use: every request @smithy/signature-v4 signs
// (random methods, paths, repeated query keys, headers with odd spacing, bodies) is accepted, and
// changing any signed part of it afterwards gets it refused.
import { createHash } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAuthorization, verifySignature, type IncomingSignedRequest } from '../../src/http/auth/sigv4-verifier';
import { NumberyardError } from '../../src/domain/numberyard-error';

const REGION = 'us-east-1';
const REGIONS = new Set([REGION]);
const CREDENTIALS = { accessKeyId: 'NYAKPROPERTYTEST0001', secretAccessKey: 'property/test+secret=0123456789abcdefABCDEF' };
const SIGNED_AT = new Date('2026-12-04T10:20:30Z');

/** What the SDKs' serializers do to a path label or a query key or value (RFC 3986, as smithy's escapeUri). */
const escape = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

interface GeneratedRequest {
  method: string;
  segments: string[];
  query: [string, string][];
  extraHeaders: Record<string, string>;
  body: string | undefined;
  declareBodyHash: boolean;
}

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const generatedRequest: fc.Arbitrary<GeneratedRequest> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  segments: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => s !== '.' && s !== '..'), { minLength: 1, maxLength: 4 }),
  // Keys drawn from a small set, so that repeated keys (signed with every value) come up often.
  query: fc.array(fc.tuple(fc.constantFrom('operation', 'max-results', 'next-token', 'a b', 'ü', 'x*'), text), { maxLength: 5 }),
  extraHeaders: fc.dictionary(fc.constantFrom('content-type', 'x-amz-user-agent', 'x-custom'), fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((v) => `  ${v}  `), { maxKeys: 3 }),
  body: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: undefined }),
  declareBodyHash: fc.boolean(),
});

/** Signs the generated request as an SDK client would, and returns it as the server receives it. */
async function signAndReceive(generated: GeneratedRequest): Promise<IncomingSignedRequest> {
  const path = `/${generated.segments.map(escape).join('/')}`;
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of generated.query) {
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const body = generated.body === undefined ? undefined : Buffer.from(generated.body);
  const headers: Record<string, string> = { host: 'numberyard.test:8080', ...generated.extraHeaders };
  if (generated.declareBodyHash) headers['x-amz-content-sha256'] = createHash('sha256').update(body ?? '').digest('hex');
  const signer = new SignatureV4({ service: 'chime', region: REGION, credentials: CREDENTIALS, sha256: Hash.bind(null, 'sha256'), applyChecksum: false });
  const signed = await signer.sign(new HttpRequest({ method: generated.method, hostname: 'numberyard.test', port: 8080, path, query, headers, body }), { signingDate: SIGNED_AT });
  // On the wire: the query in the order the SDK's HTTP handler writes it (keys sorted, values as given).
  const search = Object.keys(query)
    .sort()
    .flatMap((key) => [query[key]!].flat().map((value) => `${escape(key)}=${escape(value)}`))
    .join('&');
  const received: IncomingSignedRequest['headers'] = {};
  for (const [name, value] of Object.entries(signed.headers)) received[name.toLowerCase()] = value;
  return { method: generated.method, rawUrl: search ? `${path}?${search}` : path, headers: received, rawBody: body };
}

async function verdict(request: IncomingSignedRequest, secret = CREDENTIALS.secretAccessKey, now = SIGNED_AT): Promise<'accepted' | string> {
  try {
    await verifySignature(request, parseAuthorization(request.headers), secret, REGIONS, now);
    return 'accepted';
  } catch (error) {
    if (error instanceof NumberyardError) return error.code;
    throw error;
  }
}

describe('SigV4 verification against @smithy/signature-v4', () => {
  it('accepts every request the SDK signer signs', async () => {
    await fc.assert(
      fc.asyncProperty(generatedRequest, async (generated) => {
        expect(await verdict(await signAndReceive(generated))).toBe('accepted');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the request when any signed part changes after signing', async () => {
    const tamperings: Record<string, (request: IncomingSignedRequest) => IncomingSignedRequest> = {
      method: (r) => ({ ...r, method: r.method === 'GET' ? 'POST' : 'GET' }),
      path: (r) => ({ ...r, rawUrl: r.rawUrl.replace(/^\//, '/x') }),
      query: (r) => ({ ...r, rawUrl: `${r.rawUrl}${r.rawUrl.includes('?') ? '&' : '?'}injected=1` }),
      host: (r) => ({ ...r, headers: { ...r.headers, host: 'elsewhere.test:8080' } }),
      date: (r) => ({ ...r, headers: { ...r.headers, 'x-amz-date': String(r.headers['x-amz-date']).replace(/\d(?=Z$)/, (d) => String((Number(d) + 1) % 10)) } }),
      body: (r) => ({ ...r, rawBody: Buffer.concat([r.rawBody ?? Buffer.alloc(0), Buffer.from('!')]) }),
    };
    await fc.assert(
      fc.asyncProperty(generatedRequest, fc.constantFrom(...Object.keys(tamperings)), async (generated, tampering) => {
        const tampered = tamperings[tampering]!(await signAndReceive(generated));
        expect(await verdict(tampered)).toBe('Forbidden');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the wrong secret, and a clock more than 15 minutes off but not one within', async () => {
    const request = await signAndReceive({ method: 'GET', segments: ['phone-numbers', '+12065550100'], query: [], extraHeaders: {}, body: undefined, declareBodyHash: false });
    expect(await verdict(request, `${CREDENTIALS.secretAccessKey}x`)).toBe('Forbidden');
    const minutes = (m: number) => new Date(SIGNED_AT.getTime() + m * 60_000);
    expect(await verdict(request, CREDENTIALS.secretAccessKey, minutes(14))).toBe('accepted');
    expect(await verdict(request, CREDENTIALS.secretAccessKey, minutes(-14))).toBe('accepted');
    expect(await verdict(request, CREDENTIALS.secretAccessKey, minutes(16))).toBe('Forbidden');
    expect(await verdict(request, CREDENTIALS.secretAccessKey, minutes(-16))).toBe('Forbidden');
  });

  it('refuses an X-Amz-Date that is not a real time, even when it was signed as given', async () => {
    const request = await signAndReceive({ method: 'GET', segments: ['phone-numbers'], query: [], extraHeaders: {}, body: undefined, declareBodyHash: false });
    // 31 November rolls over to 1 December in Date.UTC; a verifier that trusted it would accept a date no clock shows.
    const impossible = { ...request, headers: { ...request.headers, 'x-amz-date': '20261131T102030Z' } };
    expect(await verdict(impossible, CREDENTIALS.secretAccessKey, new Date('2026-12-01T10:20:30Z'))).toBe('Forbidden');
  });
});
