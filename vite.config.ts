import fs from 'node:fs';
import path from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './scripts/precompress.mjs';

/**
 * Serves locales/<lng>/<ns>.json at /locales/… in dev and emits them into the build, where the service
 * worker precaches them. The page preloads English (the boot fetches it) alongside its script.
 */
function locales(): Plugin {
  const dir = path.resolve(import.meta.dirname, 'locales');
  return {
    name: 'blether-locales',
    configureServer(server) {
      server.middlewares.use('/locales', (req, res, next) => {
        const file = path.join(dir, path.normalize(decodeURIComponent(req.url ?? '')).replace(/^(\.\.[/\\])+/, ''));
        if (!file.startsWith(dir) || !fs.existsSync(file) || !file.endsWith('.json')) return next();
        res.setHeader('Content-Type', 'application/json');
        fs.createReadStream(file).pipe(res);
      });
    },
    transformIndexHtml() {
      // added here, not in index.html, so the build does not turn it into a hashed copy the boot never asks for
      return [
        {
          tag: 'link',
          attrs: { rel: 'preload', href: '/locales/en/common.json', as: 'fetch', type: 'application/json', crossorigin: 'anonymous' },
          injectTo: 'head',
        },
      ];
    },
    generateBundle() {
      for (const lng of fs.readdirSync(dir)) {
        if (!fs.statSync(path.join(dir, lng)).isDirectory()) continue;
        for (const f of fs.readdirSync(path.join(dir, lng))) {
          if (!f.endsWith('.json')) continue;
          this.emitFile({ type: 'asset', fileName: `locales/${lng}/${f}`, source: fs.readFileSync(path.join(dir, lng, f), 'utf8') });
        }
      }
    },
  };
}

/**
 * Brotli and gzip copies of the finished build, service worker included: after every other plugin has
 * written its files (the PWA plugin writes sw.js when the bundle closes).
 */
function compressed(): Plugin {
  let outDir = 'dist';
  return {
    name: 'blether-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await precompress(outDir);
      },
    },
  };
}
/**
 * Vite wraps every import() in its preload helper, which adds the imported chunk's modules and CSS to the page
 * first. With module preloading off and each lazy screen adding its own stylesheet (src/ui/styles.ts) the helper
 * has nothing to do, so it is replaced by a call of the import itself: 1 KB less in the first load.
 */
function noPreloadHelper(): Plugin {
  return {
    name: 'blether-no-preload-helper',
    enforce: 'pre',
    apply: 'build',
    load(id) {
      if (id === '\0vite/preload-helper.js') return 'export const __vitePreload = (load) => load();';
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && !chunk.isEntry && chunk.viteMetadata?.importedCss.size)
          this.error(`${chunk.fileName} imports CSS, which nothing would load: import it with ?url and addStyles (src/ui/styles.ts)`);
      }
    },
  };
}

/** The journey's start page and what it needs beyond the entry (src/app/routes.ts import()s it). */
const JOURNEY =
  /src[\\/](features[\\/]participate[\\/](Journey|DisplayOptions|step-chunks|steps[\\/]Start)|device[\\/](draft|participant|use-hand-over|handover-steps)|db[\\/](drafts|engagement)|crypto[\\/]device-key|ui[\\/](ui|choices)|a11y[\\/](display|focus|read-aloud)|shared[\\/](engagement|bytes|limits))\.tsx?$/;

export default defineConfig({
  plugins: [
    preact(),
    noPreloadHelper(),
    locales(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'Blether',
        short_name: 'Blether',
        description: 'Have your say, in your language, in easy read: offline-first public engagement.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d3557',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest,woff2,ogg}'],
        // staff screens are never needed offline on a participant device
        globIgnores: ['**/manage-*.js'],
      },
    }),
    compressed(),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
    modulePreload: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // one file for all the entry needs, one for what a participant's start page adds: each small chunk
          // costs a request and compresses worse alone
          groups: [
            { name: 'boot', tags: ['$initial'], priority: 2 },
            { name: 'journey', test: JOURNEY, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
