import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { withContentSecurityPolicyMeta } from './src-main/shared/security-policy';

/**
 * Writes the Content-Security-Policy meta tag into index.html: the strict policy in the
 * build, the dev server's (inline refresh preamble, hot-reload socket) under `electron-vite dev`.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'rigledger-content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (context.server === undefined)
          return withContentSecurityPolicyMeta(html, { dev: false });
        const local = context.server.resolvedUrls?.local[0];
        const devOrigin = local === undefined ? undefined : new URL(local).origin;
        return withContentSecurityPolicyMeta(html, { dev: true, devOrigin });
      },
    },
  };
}
import { precompress } from './build/precompress';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // The desktop app's main process, and the web host behind `npm run serve`:
          // both run the same built service code.
          index: resolve('src-main/electron/main.ts'),
          serve: resolve('src-main/web/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload.ts') },
        // Sandboxed preloads are CommonJS even though the package is "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [react(), contentSecurityPolicyMeta(), precompress()],
    build: {
      outDir: 'out/renderer',
      // Minified and split into chunks per page (electron-vite leaves the renderer
      // unminified by default): the first screen loads only what it shows.
      minify: true,
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
