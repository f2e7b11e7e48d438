// Verifies AWS Signature Version 4 on incoming requests. The canonical request is built by
// @smithy/signature-v4 itself (the signer the AWS SDKs use: its header canonicalization, path
// normalization and query encoding), and the signing key is derived by its getSigningKey. What this
// file does by hand is only what a verifier needs and a signer does not: parse the Authorization
// header, check the scope and the clock, and hash with node:crypto synchronously. SignatureV4.sign()
// would give the same signature (test/unit/sigv4-verifier.test.ts proves it on random requests), but
// it copies the request, re-derives its key cache entry with an extra HMAC and awaits every hash,
// which made it most of the CPU a small request costs.
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import type { HeaderBag, IHttpRequest as HttpRequest } from '@smithy/protocol-http';
import { ALGORITHM_IDENTIFIER, createScope, getCanonicalHeaders, getSigningKey, SignatureV4 } from '@smithy/signature-v4';
import { NumberyardError } from '../../domain/numberyard-error';

export const SIGNING_SERVICE = 'chime';
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const SHA256 = Hash.bind(null, 'sha256');
/** Signing keys kept for reuse (one per access key, day, region and service); past this many the oldest is dropped. */
const MAX_CACHED_SIGNING_KEYS = 1_000;
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const AUTHORIZATION_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export interface IncomingSignedRequest {
  method: string;
  /** The URL exactly as received: encoded path plus query string. */
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | undefined;
}

export interface ParsedAuthorization {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const unauthorized = (message: string) => new NumberyardError('Unauthorized', message);
const forbidden = (message: string) => new NumberyardError('Forbidden', message);

function headerValue(headers: IncomingSignedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function parseAuthorization(headers: IncomingSignedRequest['headers']): ParsedAuthorization {
  const authorization = headerValue(headers, 'authorization');
  if (!authorization) throw unauthorized('Missing Authentication Token: sign the request with AWS Signature Version 4');
  const match = AUTHORIZATION_PATTERN.exec(authorization);
  if (!match) throw unauthorized('The Authorization header is not a valid AWS4-HMAC-SHA256 signature');
  const [, accessKeyId, scopeDate, region, service, signedHeaders, signature] = match as unknown as string[];
  return { accessKeyId: accessKeyId!, scopeDate: scopeDate!, region: region!, service: service!, signedHeaders: signedHeaders!.split(';'), signature: signature! };
}

/** 20240102T030405Z -> its time in ms, or undefined unless it is a real UTC time in exactly that form. */
function parseAmzDate(value: string | undefined): number | undefined {
  const match = value === undefined ? null : AMZ_DATE_PATTERN.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const time = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  // Date.UTC rolls 20240231 over to March: such a date was never a signing time.
  const date = new Date(time);
  return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d! && date.getUTCHours() === h! && date.getUTCMinutes() === mi! ? time : undefined;
}

/**
 * SignatureV4 with one more public method: the canonical request exactly as sign() builds it. The
 * credentials and region given here are never used (no request is signed with them).
 */
class CanonicalRequestBuilder extends SignatureV4 {
  constructor() {
    super({ service: SIGNING_SERVICE, region: 'unused', credentials: { accessKeyId: '', secretAccessKey: '' }, sha256: SHA256, uriEscapePath: true, applyChecksum: false });
  }

  canonicalRequestOf(request: HttpRequest, canonicalHeaders: HeaderBag, payloadHash: string): string {
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }
}
const canonicalRequests = new CanonicalRequestBuilder();

// Signing keys, keyed by everything they are derived from (the secret included, as read from the
// database for this very request), so a rotated or revoked key never meets a key made for the old one.
const signingKeys = new Map<string, Uint8Array>();

async function signingKeyFor(accessKeyId: string, secretAccessKey: string, shortDate: string, region: string, service: string): Promise<Uint8Array> {
  const cacheKey = `${accessKeyId}\n${secretAccessKey}\n${shortDate}\n${region}\n${service}`;
  let key = signingKeys.get(cacheKey);
  if (key === undefined) {
    key = await getSigningKey(SHA256, { accessKeyId, secretAccessKey }, shortDate, region, service);
    // Past the limit, forget the oldest key (Map keeps insertion order).
    if (signingKeys.size >= MAX_CACHED_SIGNING_KEYS) signingKeys.delete(signingKeys.keys().next().value!);
    signingKeys.set(cacheKey, key);
  }
  return key;
}

/**
 * Splits a raw query string. SigV4 signers percent-encode every reserved byte, so a raw '+' only
 * comes from a request changed after signing; it is read as a space, as the router reads it, so that
 * the signature is checked against what the request will mean (its %2B signs a '+').
 */
function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (!rawQuery) return query;
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = safeDecode((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    const value = eq < 0 ? '' : safeDecode(part.slice(eq + 1).replace(/\+/g, ' '));
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

/** '.', '..' or an empty segment anywhere but at the end ('/phone-numbers/' is a path as the SDKs send it). */
function hasDotOrEmptySegment(path: string): boolean {
  const segments = path.split('/');
  // segments[0] is what precedes the leading '/', and the last one is empty after a trailing '/'.
  return segments.some((segment, i) => segment === '.' || segment === '..' || (segment === '' && i > 0 && i < segments.length - 1));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw forbidden('The request URL is not correctly percent-encoded');
  }
}

/** The hash the signature covers: the declared x-amz-content-sha256, which must match the body, or the body's own. */
function payloadHashOf(request: IncomingSignedRequest): string {
  const body = request.rawBody;
  const bodyHash = body && body.length > 0 ? hash('sha256', body, 'hex') : EMPTY_BODY_SHA256;
  const declaredHash = headerValue(request.headers, 'x-amz-content-sha256');
  if (declaredHash === undefined) return bodyHash;
  if (declaredHash === 'UNSIGNED-PAYLOAD') {
    if (body && body.length > 0) throw forbidden('Unsigned payloads are not accepted');
    return declaredHash;
  }
  if (declaredHash !== bodyHash) throw forbidden('The request body does not match its signed x-amz-content-sha256');
  return declaredHash;
}

/**
 * Checks the signature of `request` made with `secretAccessKey`. Throws ForbiddenException when
 * anything signed was changed, the scope is wrong, or the clock is more than 15 minutes off.
 */
export async function verifySignature(
  request: IncomingSignedRequest,
  auth: ParsedAuthorization,
  secretAccessKey: string,
  allowedRegions: ReadonlySet<string>,
  now: Date,
): Promise<void> {
  if (auth.service !== SIGNING_SERVICE) {
    throw forbidden(`Credential should be scoped to correct service: '${SIGNING_SERVICE}', not '${auth.service}'`);
  }
  if (!allowedRegions.has(auth.region)) {
    throw forbidden(`Credential should be scoped to a valid region: one of ${[...allowedRegions].join(', ')}, not '${auth.region}'`);
  }
  const longDate = headerValue(request.headers, 'x-amz-date');
  const signedAt = parseAmzDate(longDate);
  if (signedAt === undefined) throw forbidden('The request must carry an X-Amz-Date header in the form YYYYMMDDTHHMMSSZ');
  if (Math.abs(now.getTime() - signedAt) > MAX_CLOCK_SKEW_MS) {
    throw forbidden('Signature expired: the request time is more than 15 minutes away from the server time');
  }
  if (!longDate!.startsWith(auth.scopeDate)) throw forbidden('The credential scope date does not match the X-Amz-Date header');
  if (!auth.signedHeaders.includes('host')) throw forbidden('The host header must be signed');
  if (headerValue(request.headers, 'x-amz-security-token') !== undefined) {
    throw unauthorized('Temporary credentials (a session token) are not accepted: sign with an access key id and its secret access key');
  }
  const payloadHash = payloadHashOf(request);

  const headers: HeaderBag = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) throw forbidden(`The signed header '${name}' is missing from the request`);
    headers[name] = value;
  }
  const queryStart = request.rawUrl.indexOf('?');
  const path = queryStart < 0 ? request.rawUrl : request.rawUrl.slice(0, queryStart);
  // The canonical request normalizes these away, so a signature for /a/b would also cover /a/b/c/..
  // while the router runs the operation at the path as sent.
  if (hasDotOrEmptySegment(path)) throw forbidden("The request path must not contain '.', '..' or empty segments");
  const query = parseQuery(queryStart < 0 ? '' : request.rawUrl.slice(queryStart + 1));
  const toCanonicalize = { method: request.method, protocol: 'http:', hostname: headers.host ?? '', path, query, headers } as HttpRequest;
  // The signable set keeps headers a signer would skip by default (user-agent, say) when the client signed them.
  const canonicalHeaders = getCanonicalHeaders(toCanonicalize, undefined, new Set(auth.signedHeaders));
  const canonicalRequest = canonicalRequests.canonicalRequestOf(toCanonicalize, canonicalHeaders, payloadHash);

  const scope = createScope(auth.scopeDate, auth.region, auth.service);
  const stringToSign = `${ALGORITHM_IDENTIFIER}\n${longDate}\n${scope}\n${hash('sha256', canonicalRequest, 'hex')}`;
  const signingKey = await signingKeyFor(auth.accessKeyId, secretAccessKey, auth.scopeDate, auth.region, auth.service);
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(auth.signature, 'hex'))) {
    throw forbidden('The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
  }
}
