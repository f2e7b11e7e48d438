// SigV4-signed requests made ahead of time with the signer the AWS SDKs use. A load generator cannot
// sign inside its send loop, so it replays a pool of distinct requests signed at the start; SigV4
// servers (numberyard and AWS alike) accept a signed request again for 15 minutes, and the server
// still verifies every signature it receives.
import http from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SignedGet {
  method: 'GET';
  /** Encoded path and query exactly as sent. */
  path: string;
  headers: Record<string, string>;
}

export interface Signer {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** Signs GET `path` (already percent-encoded, as the SDK serializers produce it) for `baseUrl`. */
export async function signGet(signer: Signer, baseUrl: string, path: string, query: Record<string, string> = {}): Promise<SignedGet> {
  const url = new URL(baseUrl);
  const sigv4 = new SignatureV4({ service: 'chime', region: signer.region, credentials: signer.credentials, sha256: Hash.bind(null, 'sha256') });
  const signed = await sigv4.sign(
    new HttpRequest({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path, query, headers: { host: url.host } }),
  );
  const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
  return { method: 'GET', path: search ? `${path}?${search}` : path, headers: signed.headers as Record<string, string> };
}

/** One GET on a keep-alive connection; resolves with the status and the whole body. */
export function sendGet(agent: http.Agent, baseUrl: string, request: SignedGet): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(request.path, baseUrl), { method: 'GET', headers: request.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
