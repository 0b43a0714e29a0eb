/**
 * Admin CLI over the same services as the app:
 *   npm run --silent cli -- --data-dir DIR <command> … [--json]
 * (bundled by scripts/build-cli.mjs from bin.ts, which calls runCli).
 * With --json, stdout carries exactly one JSON document; errors go to stderr, exit code 1
 * (2 for a wrong command line).
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { defaultDataDir } from '../core/paths';
import { AppError, toErrorInfo } from '../core/errors';
import { commands, usage } from './commands';
import { pdfCliOptions } from './pdf-commands';

export class UsageError extends Error {}

export async function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        'county-code': { type: 'string' },
        'county-name': { type: 'string' },
        operator: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'confirm-unmapped': { type: 'boolean', default: false },
        township: { type: 'string' },
        overdue: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        household: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        ...pdfCliOptions(),
      },
    });
  } catch (e) {
    err(`命令行参数有误：${(e as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help' || positionals.length === 0) {
    const asked = values.help || positionals[0] === 'help';
    (asked ? out : err)(usage);
    return asked ? 0 : 2;
  }
  const key = positionals[0] === 'org' ? `org ${positionals[1] ?? ''}`.trim() : positionals[0];
  const command = commands[key];
  if (!command) {
    err(`未知命令「${positionals.join(' ')}」\n${usage}`);
    return 2;
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  try {
    const args = positionals.slice(positionals[0] === 'org' ? 2 : 1);
    const result = await command({ dataDir, options: values, args });
    out(values.json ? JSON.stringify(result.json, null, 2) : result.text);
    return result.exitCode ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\n${usage}`);
      return 2;
    }
    const info = e instanceof AppError ? e.info : toErrorInfo(e, (l) => err(l));
    err(`错误：${info.message}`);
    return 1;
  }
}
