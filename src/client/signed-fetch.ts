// A SigV4-signed JSON request to a numberyard server, for the routes the AWS SDK clients do not
// model (numberyard's admin and extension routes). Used by the CLI, the benchmarks and the tests.
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SignedFetchOptions {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export interface SignedResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function signedFetch<T = unknown>(
  options: SignedFetchOptions,
  method: string,
  pathAndQuery: string,
  body?: unknown,
): Promise<SignedResponse<T>> {
  const url = new URL(pathAndQuery, options.endpoint);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { host: url.host };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => {
    query[key] = value;
  });
  const signer = new SignatureV4({ service: 'chime', region: options.region, credentials: options.credentials, sha256: Hash.bind(null, 'sha256') });
  const signed = await signer.sign(new HttpRequest({ method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port) || undefined, path: url.pathname, query, headers, body: payload }));
  // Send the query exactly as it was signed: percent-encoded as the AWS SDKs do (a space is %20, never
  // the '+' that URLSearchParams writes, which the server would read as a literal plus).
  const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const queryString = Object.entries(query)
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .join('&');
  const target = `${url.origin}${url.pathname}${queryString ? `?${queryString}` : ''}`;
  const response = await fetch(target, { method, headers: signed.headers as Record<string, string>, body: payload });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}
