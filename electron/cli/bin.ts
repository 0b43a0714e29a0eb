/**
 * The CLI's entry point in the bundle (dist/cli/cli.cjs, built by scripts/build-cli.mjs and
 * run by `npm run cli`). Fonts and templates are found beside the bundle, whatever the working
 * folder; output piped into a reader that stops early (`| head`) ends the command quietly.
 */
import path from 'node:path';
import { runCli } from './main';

process.env.FUPIN_RESOURCES ??= path.join(__dirname, '..', '..', 'resources');

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runCli(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then((code) => {
  process.exitCode = code;
});
