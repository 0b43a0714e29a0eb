// `npm run cli -- …`: runs the bundled CLI (dist/cli/cli.cjs), building it first when it is
// missing or older than any source it was built from, so it never runs stale code. V8's
// compiled code for the bundle is kept beside it (cli.cache; V8 refuses a cache made for
// other source, and it is then made again), which saves most of the start-up.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import Module, { createRequire } from 'node:module';
import { CLI_BUNDLE, buildCli, cliStale } from './build-cli.mjs';

if (cliStale()) {
  process.stderr.write('正在构建命令行程序（源文件有改动，只需几秒）…\n');
  await buildCli();
}

const cacheFile = CLI_BUNDLE.replace(/\.cjs$/, '.cache');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(fs.readFileSync(CLI_BUNDLE, 'utf8')), { filename: CLI_BUNDLE, cachedData });
if (!cachedData || script.cachedDataRejected) {
  // Made when the command ends, so it holds the functions the run compiled, not just the top level.
  process.once('exit', () => {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // no cache this time: the next run compiles again
    }
  });
}
const mod = new Module(CLI_BUNDLE);
mod.filename = CLI_BUNDLE;
script.runInThisContext()(mod.exports, createRequire(CLI_BUNDLE), mod, CLI_BUNDLE, path.dirname(CLI_BUNDLE));
