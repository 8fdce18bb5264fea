import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { precompress } from './precompress';

/** Angular's build names its bundles by content hash, so they may be kept for good. */
const HASHED = /-[A-Z0-9]{8,}\.(js|css|woff2?|png|svg)(\.br|\.gz)?$/;

/**
 * The built web app from `root`: its files as they are, and index.html for every other path outside
 * /api (the app routes in the browser); /api paths nobody serves stay the API's 404.
 */
export async function serveWebApp(server: FastifyInstance, root: string): Promise<void> {
  precompress(root).catch((error: Error) => server.log.warn(`web app not precompressed: ${error.message}`));
  await server.register(fastifyStatic, {
    root,
    preCompressed: true,
    wildcard: false,
    dotfiles: 'ignore',
    setHeaders: (reply, path) => {
      if (HASHED.test(path)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  server.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?')) return reply.callNotFound();
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
