import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { sendError } from '../error-handler';

/** Where `npm run build:web` (vite) writes the console. */
export const CONSOLE_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));
const CONSOLE_PATH = '/console/';

// The console's page may only load what numberyard itself serves; Cloudscape sets inline styles and
// ships its fonts as data: URLs. No framing (clickjacking) and no form posts elsewhere.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>numberyard console is not built</title></head>
<body><main><h1>The numberyard console is not built</h1>
<p>Build it with <code>npm run build:web</code> (<code>npm install</code> does it too) and restart numberyard.
The API works meanwhile.</p></main></body></html>`;

/** A file of the build, looked up per request so that a rebuild is served without a restart; never outside it. */
function isBuiltFile(distDir: string, file: string): boolean {
  const full = path.resolve(distDir, file);
  if (!full.startsWith(distDir + path.sep) || file.includes('\0')) return false;
  return fs.statSync(full, { throwIfNoEntry: false })?.isFile() ?? false;
}

function sendPage(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-cache')
    .sendFile('index.html', { cacheControl: false });
}

/**
 * Serves the built web console under /console/ (public routes: the page itself signs in through
 * /console/api/session). Paths that are not files of the build get index.html, so the console's own
 * routes (/console/inventory, ...) survive a reload. Without a build the server still runs and says
 * how to make one.
 */
export const consoleStaticRoutes: FastifyPluginAsync<{ distDir?: string }> = async (app, options) => {
  const distDir = path.resolve(options.distDir ?? CONSOLE_DIST_DIR);
  if (!isBuiltFile(distDir, 'index.html')) app.log.warn({ distDir }, 'the web console is not built; run npm run build:web');
  await app.register(fastifyStatic, { root: distDir, serve: false });

  // Pages, not API operations: one operation name for logs and metrics, left out of the OpenAPI document.
  const publicRoute = { config: { auth: 'none' as const }, schema: { operationId: 'GetConsolePage', hide: true } };
  app.get('/', publicRoute, (_request, reply) => reply.redirect(CONSOLE_PATH));
  app.get('/console', publicRoute, (_request, reply) => reply.redirect(CONSOLE_PATH));

  app.get<{ Params: { '*': string } }>('/console/*', publicRoute, (request, reply) => {
    const file = request.params['*'];
    // Unknown console API paths answer like any unknown operation, never with the page.
    if (file.startsWith('api/')) return sendError(reply, 'NotFound', `No operation at ${request.method} ${request.url.split('?')[0]}`);
    if (!isBuiltFile(distDir, 'index.html')) return reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT_PAGE);
    if (file !== 'index.html' && file !== '' && isBuiltFile(distDir, file)) {
      // Vite puts a content hash in every asset name, so an asset never changes under its name.
      return file.startsWith('assets/') ? reply.sendFile(file, { maxAge: '365d', immutable: true }) : reply.sendFile(file);
    }
    if (file.startsWith('assets/')) return sendError(reply, 'NotFound', `No console asset ${file}`);
    return sendPage(reply);
  });
};
