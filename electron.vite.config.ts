import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
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
    plugins: [react(), precompress()],
    build: {
      outDir: 'out/renderer',
      // Minified and split into chunks per page (electron-vite leaves the renderer
      // unminified by default): the first screen loads only what it shows.
      minify: true,
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
