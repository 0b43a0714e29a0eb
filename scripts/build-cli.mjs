// Bundles the admin CLI into dist/cli/cli.cjs (CommonJS, like the main process), so a command
// starts in a fraction of a second instead of transpiling the sources on every run.
// better-sqlite3 stays external (a native addon), and so do pdfmake, pdfkit and fontkit, which
// read their font metrics from files beside their own modules. Beside the bundle,
// inputs.json lists every source file it was built from and when the build started:
// scripts/cli.mjs rebuilds when any of them is newer (or gone).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const CLI_DIR = path.join(root, 'dist', 'cli');
export const CLI_BUNDLE = path.join(CLI_DIR, 'cli.cjs');
export const CLI_STAMP = path.join(CLI_DIR, 'inputs.json');
/** Files that change the bundle without being imported by it. */
const ALSO = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build-cli.mjs'];

export async function buildCli() {
  const builtAt = Date.now();
  const { build } = await import('esbuild'); // only when building: the check below stays quick
  const r = await build({
    absWorkingDir: root,
    entryPoints: ['electron/cli/bin.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    minify: true,
    keepNames: true,
    logLevel: 'error',
    outfile: CLI_BUNDLE,
    external: ['electron', 'better-sqlite3', 'pdfmake', 'pdfkit', 'fontkit'],
  });
  const inputs = [...Object.keys(r.metafile.inputs).filter((f) => !f.includes('node_modules/')), ...ALSO.filter((f) => fs.existsSync(path.join(root, f)))];
  fs.mkdirSync(CLI_DIR, { recursive: true });
  // Written beside and renamed into place: a second command starting meanwhile sees the old
  // complete bundle or the new one, never half of one.
  const tmp = `${CLI_BUNDLE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, r.outputFiles[0].contents);
  fs.renameSync(tmp, CLI_BUNDLE);
  fs.writeFileSync(`${CLI_STAMP}.${process.pid}.tmp`, JSON.stringify({ builtAt, inputs }));
  fs.renameSync(`${CLI_STAMP}.${process.pid}.tmp`, CLI_STAMP);
}

/** True when the bundle is missing or any file it was built from changed after its build started. */
export function cliStale() {
  try {
    const { builtAt, inputs } = JSON.parse(fs.readFileSync(CLI_STAMP, 'utf8'));
    if (!fs.existsSync(CLI_BUNDLE)) return true;
    return inputs.some((f) => fs.statSync(path.join(root, f)).mtimeMs > builtAt);
  } catch {
    return true;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'build-cli.mjs')) {
  await buildCli();
  console.log('已构建 dist/cli/cli.cjs');
}
