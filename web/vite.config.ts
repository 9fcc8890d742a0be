import { defineConfig } from 'vite';

/** The explorer is built into web/dist and served by the API server at `/`; `npm run dev` proxies /graphql. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
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
