import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|ico)$/;
const MIN_BYTES = 1024;
const toBrotli = promisify(brotliCompress);
const toGzip = promisify(gzip);

/**
 * Writes `file.br` and `file.gz` beside each compressible file of the built web app, once per build
 * (a file already compressed and not older is left): @fastify/static sends them to a browser that
 * accepts them, so bundles go out at brotli's best ratio without compressing on every request.
 * zlib works in the thread pool, so this runs while the app already answers (uncompressed or
 * compressed on the fly until then).
 */
export async function precompress(root: string): Promise<void> {
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    // index.html is sent no-cache and names the bundles of its build: never from a copy an older build left
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name) || entry.name === 'index.html') continue;
    const file = join(entry.parentPath, entry.name);
    const { size, mtimeMs } = await stat(file);
    if (size < MIN_BYTES) continue;
    const content = await readFile(file);
    await written(`${file}.br`, mtimeMs, () => toBrotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: size } }));
    await written(`${file}.gz`, mtimeMs, () => toGzip(content, { level: 9 }));
  }
}

/** A compressed copy written under a temporary name and renamed, so two starting apps never serve half a file. */
async function written(target: string, sourceTime: number, compress: () => Promise<Buffer>): Promise<void> {
  const existing = await stat(target).catch(() => null);
  if (existing && existing.mtimeMs >= sourceTime) return;
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, await compress());
  await rename(temporary, target);
}
