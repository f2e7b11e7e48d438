import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleStaticRoutes } from '../../src/http/routes/console-static.routes';
import { startTestServer, type TestServer } from '../support/test-server';

// How numberyard serves the built console; needs no browser.
describe('web console: serving', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => server?.close());

  it('redirects / to /console/ and answers console paths with the page (SPA fallback)', async () => {
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/console/');
    await root.body?.cancel();
    for (const pathname of ['/console/', '/console/inventory', '/console/inventory/%2B12065550100?x=1']) {
      const response = await fetch(`${server.url}${pathname}`);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets for good, and 404s for unknown assets and unknown console API paths', async () => {
    const page = await (await fetch(`${server.url}/console/`)).text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    await asset.arrayBuffer();
    const missing = await fetch(`${server.url}/console/assets/missing.js`);
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
    // Nothing outside the build is ever served, however the path is spelled.
    for (const sneaky of ['/console/..%2f..%2fpackage.json', '/console/%2e%2e/%2e%2e/package.json', '/console/assets/..%2f..%2f..%2fpackage.json']) {
      const response = await fetch(`${server.url}${sneaky}`);
      expect(await response.text(), sneaky).not.toContain('"devDependencies"');
    }
    const api = await fetch(`${server.url}/console/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ Code: 'NotFound' });
  });

  it('still starts without a build and says how to make one (503)', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-no-console-'));
    const app = Fastify();
    await app.register(consoleStaticRoutes, { distDir: empty });
    const response = await app.inject({ method: 'GET', url: '/console/inventory' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build:web');
    await app.close();
    fs.rmSync(empty, { recursive: true });
  });
});
