// While the server closes, a request that still arrives on a kept-alive connection (new connections
// are refused by then; idle ones are closed, but one may be sending just then) gets an answer the SDKs
// understand: ServiceUnavailableException in the AWS error shape, which they retry, rather than
// Fastify's bare-text 503 that they read as Unknown.
// The HTTP layer is the same on both databases, so one is enough here.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNumbers, usNumbers } from '../support/inventory';
import { signRaw, type PreparedRequest } from '../support/raw-signed-request';
import { startTestServer, type TestServer } from '../support/test-server';

function head(request: PreparedRequest): string {
  const lines = [`${request.method} ${request.url.pathname}${request.url.search} HTTP/1.1`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

describe('a request on a kept-alive connection while the server closes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  // The test closes the server itself; this is for when it fails before that.
  afterAll(async () => server?.close().catch(() => undefined));

  it('is answered ServiceUnavailableException in the AWS shape; the request already started completes', async () => {
    const [number] = usNumbers(1, 2900);
    await importNumbers(server, [number!], 'VoiceConnector');
    const signing = { credentials: server.admin.credentials };
    const path = `/phone-numbers/${encodeURIComponent(number!)}`;
    const started = await signRaw(server.url, { method: 'POST', path, body: JSON.stringify({ Name: 'before close' }) }, signing);
    const late = await signRaw(server.url, { method: 'GET', path }, signing);

    const socket = net.connect({ host: started.url.hostname, port: Number(started.url.port) });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // A request has begun (its headers are in) and its body is still on the way: close waits for it.
    socket.write(head(started));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closed = server.close();

    // What a kept-alive connection that sends just now would get (inject: the same request lifecycle).
    const refused = await server.server.app.inject({ method: 'GET', url: path, headers: late.headers });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['x-amzn-errortype']).toBe('ServiceUnavailableException');
    expect(refused.headers.connection).toBe('close');
    expect(refused.json()).toMatchObject({ Code: 'ServiceUnavailable', Message: expect.stringContaining('shutting down') });

    socket.write(started.body!);
    await ended;
    await closed;
    // The request that began before close completed, and its connection was closed after it.
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).toMatch(/connection: close/i);
    expect(received).toContain('"Name":"before close"');
  });
});
