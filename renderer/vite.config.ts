import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// The renderer is loaded from file:// in Electron and from 127.0.0.1 in preview: relative base.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': path.join(import.meta.dirname, '..', 'shared') } },
  build: {
    outDir: process.env.FUPIN_RENDERER_DIR ?? path.join(import.meta.dirname, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
