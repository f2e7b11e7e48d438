// SigV4-signed HTTP requests with full control over what goes on the wire: bodies that are not JSON
// (or not what the schema wants) but still carry a valid signature, signatures made with the wrong
// secret, scope or clock, and requests changed after signing. src/client/signed-fetch.ts can only
// send well-formed JSON, which is not enough to prove how the server treats bad input.
import { createHash } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { TEST_REGION, type Credentials } from './test-server';

export interface RawRequest {
  method: string;
  /** Path and query exactly as sent, already percent-encoded: '/phone-numbers/%2B12065550100?operation=restore'. */
  path: string;
  /** Sent byte for byte; a content-type of application/json goes with it unless `headers` say otherwise. */
  body?: string | Buffer;
  headers?: Record<string, string>;
}

export interface Signing {
  credentials: Credentials;
  region?: string;
  service?: string;
  signingDate?: Date;
}

/** A request ready to send: URL, method, headers (authorization included) and body. */
export interface PreparedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: unknown;
}

export function sha256Hex(body: Buffer | undefined): string {
  return createHash('sha256').update(body ?? Buffer.alloc(0)).digest('hex');
}

/** Signs `request` for `endpoint` as the AWS SDKs do (x-amz-content-sha256 included and signed). */
export async function signRaw(endpoint: string, request: RawRequest, signing: Signing): Promise<PreparedRequest> {
  const url = new URL(request.path, endpoint);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': sha256Hex(body) };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
  }
  Object.assign(headers, request.headers);
  // A key given twice is signed with both values, as a client that repeats it would sign it.
  const query: Record<string, string | string[]> = {};
  url.searchParams.forEach((value, key) => {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  });
  const signer = new SignatureV4({
    service: signing.service ?? 'chime',
    region: signing.region ?? TEST_REGION,
    credentials: signing.credentials,
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign(
    new HttpRequest({ method: request.method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port) || undefined, path: url.pathname, query, headers, body }),
    signing.signingDate ? { signingDate: signing.signingDate } : {},
  );
  return { url, method: request.method, headers: signed.headers as Record<string, string>, body };
}

/** Sends a prepared request as it is, or with parts replaced after signing (to prove the signature covers them). */
export async function sendPrepared(prepared: PreparedRequest, tamper: { body?: string; path?: string } = {}): Promise<RawResponse> {
  const url = tamper.path === undefined ? prepared.url : new URL(tamper.path, prepared.url);
  const body = tamper.body === undefined ? prepared.body : Buffer.from(tamper.body);
  const headers = { ...prepared.headers };
  if (body !== undefined) headers['content-length'] = String(body.length);
  return readResponse(await fetch(url, { method: prepared.method, headers, body }));
}

export async function rawSignedRequest(endpoint: string, request: RawRequest, signing: Signing): Promise<RawResponse> {
  return sendPrepared(await signRaw(endpoint, request, signing));
}

/** The same request without any signature. */
export async function unsignedRequest(endpoint: string, request: RawRequest): Promise<RawResponse> {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  Object.assign(headers, request.headers);
  return readResponse(await fetch(new URL(request.path, endpoint), { method: request.method, headers, body }));
}

async function readResponse(response: Response): Promise<RawResponse> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
