/** The admin CLI called in-process, as a test sees it: exit code and what went to stdout and stderr. */
import { runCli } from '../../electron/cli/main';

export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n'), outWrites: out.length };
}
