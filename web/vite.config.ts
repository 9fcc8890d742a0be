import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `.br` and `.gz` beside every built text file of at least 1 kB, compressed once at the highest levels, so
 * the server sends what the browser accepts without compressing on each request (server/src/web-assets.ts).
 */
function precompress(): Plugin {
  return {
    name: 'precompress-assets',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir as string;
      const files = Object.values(bundle).filter((output) => /\.(js|css|html|json|svg)$/.test(output.fileName));
      await Promise.all(
        files.map(async (output) => {
          const source = output.type === 'chunk' ? output.code : output.source;
          const bytes = typeof source === 'string' ? Buffer.from(source) : Buffer.from(source);
          if (bytes.byteLength < 1024) return;
          const file = path.join(dir, output.fileName);
          const [br, gz] = await Promise.all([
            brotli(bytes, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
              },
            }),
            gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

/**
 * The generated operations (web/src/generated/graphql.ts) are printed one field per line; between GraphQL tokens
 * whitespace means nothing, so the bundle and every request carry them on one line. String literals are kept as written.
 */
function compactOperations(): Plugin {
  return {
    name: 'compact-graphql-operations',
    transform(code, id) {
      if (!id.endsWith('/src/generated/graphql.ts')) return null;
      const compacted = code.replace(
        /(new TypedDocumentString\(`)([^`]*)`/g,
        (_, opening: string, body: string) =>
          `${opening}${body.replace(/"(?:[^"\\]|\\.)*"|\s+/g, (match) => (match.startsWith('"') ? match : ' ')).trim()}\``,
      );
      return { code: compacted, map: null };
    },
  };
}

/** The explorer is built into web/dist and served by the API server at `/`; `npm run dev` proxies /graphql. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [compactOperations(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/ready': 'http://127.0.0.1:4000' },
  },
});
