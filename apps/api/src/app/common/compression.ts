import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Brotli or gzip, as the browser accepts, for every compressible answer over 1 KB: the web app's
 * bundles (the login page moved 1.3 MB uncompressed) and JSON alike; xlsx is zipped already and is
 * left as it is. Registered before any route (it attaches to each route as it is declared) and after
 * the ETag hook, which tags the uncompressed body. Request bodies are not inflated: an upload is
 * read as sent, within its size limit.
 */
export async function installCompression(server: FastifyInstance): Promise<void> {
  await server.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
