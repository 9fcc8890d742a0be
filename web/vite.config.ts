import { defineConfig, type Plugin } from 'vite';

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
  plugins: [compactOperations()],
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
