// Bundles the Electron main process and the preload into dist/electron (CommonJS, as Electron
// loads them). better-sqlite3 stays external (a native addon), and so do pdfmake and pdfkit,
// which read their font metrics from files beside their own modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist/electron/main.cjs',
  external: ['electron', 'better-sqlite3', 'pdfmake', 'pdfkit', 'fontkit'],
});
// A sandboxed preload may only require 'electron': everything else is bundled in.
await build({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist/electron/preload.cjs',
  external: ['electron'],
});
console.log('已构建 dist/electron/main.cjs 和 preload.cjs');
