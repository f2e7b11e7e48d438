// Verifies AWS Signature Version 4 on incoming requests by signing them again with the caller's
// secret (through @smithy/signature-v4, the signer the AWS SDKs use) and comparing signatures.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IHttpRequest } from '@smithy/protocol-http';
import { NumberyardError } from '../../domain/numberyard-error';

export const SIGNING_SERVICE = 'chime';
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const SHA256 = Hash.bind(null, 'sha256');
/** Signers kept for reuse; past this many (access key, secret, region) triples the oldest is dropped. */
const MAX_CACHED_SIGNERS = 1_000;
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const AUTHORIZATION_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;

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

/** 20240102T030405Z -> Date */
function parseAmzDate(value: string | undefined): Date | undefined {
  const match = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

// One SignatureV4 per (access key, secret, region): building one resolves its providers and
// formatters, and a request only needs its sign(). It is keyed by the secret read from the database
// for this very request, so a rotated or revoked key never reaches a signer made for the old one
// (the lookup itself is never skipped).
const signers = new Map<string, SignatureV4>();

function signerFor(accessKeyId: string, secretAccessKey: string, region: string, service: string): SignatureV4 {
  const key = `${accessKeyId}\n${secretAccessKey}\n${region}\n${service}`;
  let signer = signers.get(key);
  if (!signer) {
    signer = new SignatureV4({ service, region, credentials: { accessKeyId, secretAccessKey }, sha256: SHA256, uriEscapePath: true, applyChecksum: false });
    // Past the limit, forget the oldest signer (Map keeps insertion order).
    if (signers.size >= MAX_CACHED_SIGNERS) signers.delete(signers.keys().next().value!);
    signers.set(key, signer);
  }
  return signer;
}

/** Splits a raw query string without turning '+' into a space (SigV4 percent-encodes every reserved byte). */
function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (!rawQuery) return query;
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : safeDecode(part.slice(eq + 1));
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw forbidden('The request URL is not correctly percent-encoded');
  }
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
  const signingDate = parseAmzDate(headerValue(request.headers, 'x-amz-date'));
  if (!signingDate) throw forbidden('The request must carry an X-Amz-Date header in the form YYYYMMDDTHHMMSSZ');
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw forbidden('Signature expired: the request time is more than 15 minutes away from the server time');
  }
  if (!headerValue(request.headers, 'x-amz-date')!.startsWith(auth.scopeDate)) {
    throw forbidden('The credential scope date does not match the X-Amz-Date header');
  }
  if (!auth.signedHeaders.includes('host')) throw forbidden('The host header must be signed');

  // The signer trusts x-amz-content-sha256 when present, so the body is checked against it here.
  const bodyHash = request.rawBody && request.rawBody.length > 0 ? createHash('sha256').update(request.rawBody).digest('hex') : EMPTY_BODY_SHA256;
  const declaredHash = headerValue(request.headers, 'x-amz-content-sha256');
  if (declaredHash !== undefined && declaredHash !== 'UNSIGNED-PAYLOAD' && declaredHash !== bodyHash) {
    throw forbidden('The request body does not match its signed x-amz-content-sha256');
  }
  if (declaredHash === 'UNSIGNED-PAYLOAD' && request.rawBody && request.rawBody.length > 0) {
    throw forbidden('Unsigned payloads are not accepted');
  }

  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) throw forbidden(`The signed header '${name}' is missing from the request`);
    headers[name] = value;
  }
  const queryStart = request.rawUrl.indexOf('?');
  const path = queryStart < 0 ? request.rawUrl : request.rawUrl.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : request.rawUrl.slice(queryStart + 1);

  // sign() copies the request it is given, so a plain object will do (no HttpRequest to build and copy).
  const toSign: IHttpRequest = { method: request.method, protocol: 'http:', hostname: headers.host ?? '', path, query: parseQuery(rawQuery), headers, body: request.rawBody };
  const signed = await signerFor(auth.accessKeyId, secretAccessKey, auth.region, auth.service).sign(toSign, {
    signingDate,
    signableHeaders: new Set(auth.signedHeaders),
  });
  // The signer's Authorization header ends with "Signature=<64 hex digits>".
  const authorization = String(signed.headers.authorization);
  const expected = authorization.slice(authorization.length - auth.signature.length);
  if (!authorization.endsWith(`Signature=${expected}`) || !timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(auth.signature, 'latin1'))) {
    throw forbidden('The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
  }
}
