import { defineConfig } from 'vite';

/**
 * The server compiled to plain JavaScript for production (`node dist-server/main.js`, no tsx). Vite's SSR
 * build bundles src/server with the src/shared modules it imports and leaves every package in node_modules
 * as an import, so `npm ci --omit=dev` provides them. Migrations are imported statically, so they are in the
 * bundle too. Each entry here is a command that runs on its own, except open-worker, the opener's worker-thread
 * script, which open-pool.ts starts from beside itself: so every file, chunks too, is written to one folder.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        main: 'src/server/main.ts',
        cli: 'src/server/cli.ts',
        backup: 'src/server/backup.ts',
        'open-worker': 'src/server/services/open-worker.ts',
      },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
