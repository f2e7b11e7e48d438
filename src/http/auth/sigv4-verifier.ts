// Verifies AWS Signature Version 4 on incoming requests by signing them again with the caller's
// secret (through @smithy/signature-v4, the signer the AWS SDKs use) and comparing signatures.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { NumberyardError } from '../../domain/numberyard-error';

export const SIGNING_SERVICE = 'chime';
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
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

  const signedHeaderNames = new Set(auth.signedHeaders);
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) throw forbidden(`The signed header '${name}' is missing from the request`);
    headers[name] = value;
  }
  const queryStart = request.rawUrl.indexOf('?');
  const path = queryStart < 0 ? request.rawUrl : request.rawUrl.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : request.rawUrl.slice(queryStart + 1);

  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey },
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    new HttpRequest({ method: request.method, protocol: 'http:', hostname: headers.host ?? '', path, query: parseQuery(rawQuery), headers, body: request.rawBody }),
    { signingDate, signableHeaders: signedHeaderNames },
  );
  const expected = /Signature=([0-9a-f]{64})$/.exec(String(signed.headers.authorization))?.[1] ?? '';
  const given = Buffer.from(auth.signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(Buffer.from(expected, 'utf8'), given)) {
    throw forbidden('The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
  }
}
