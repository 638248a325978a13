// The precompressed copies of a web build: `.br` and `.gz` beside each text file over 1 KB, at
// maximum compression (done once at build time, so serving costs no CPU per request).
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt']);
const COMPRESS_OVER = 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Writes `.br` and `.gz` beside each text file over 1 KB, at maximum compression. */
export async function compressBuild(dir: string): Promise<number> {
  const files = [];
  for (const file of await filesUnder(dir)) {
    if (COMPRESSIBLE.has(extname(file)) && (await stat(file)).size > COMPRESS_OVER) files.push(file);
  }
  await Promise.all(
    files.map(async (file) => {
      const { size } = await stat(file);
      const brotli = createBrotliCompress({
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: size,
        },
      });
      await pipeline(createReadStream(file), brotli, createWriteStream(`${file}.br`));
      await pipeline(createReadStream(file), createGzip({ level: 9 }), createWriteStream(`${file}.gz`));
    }),
  );
  return files.length;
}
