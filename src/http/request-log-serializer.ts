import type { FastifyRequest } from 'fastify';

// SigV4 can also travel in the query string (X-Amz-Signature, X-Amz-Credential ...). numberyard
// refuses such requests, but the request log would still print the URL: blank those values first.
const SIGNED_QUERY_PARAMETER = /([?&]x-amz-(?:signature|credential|security-token)=)[^&]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SIGNED_QUERY_PARAMETER, '$1[redacted]');
}

/** What the request log shows of a request: never headers (Authorization) nor signed query values. */
export function serializeRequest(request: FastifyRequest) {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
}
