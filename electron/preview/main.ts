/** `npm run preview [-- --data-dir DIR] [--port N]`: the app in the system's browser. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/paths';
import { PortBusyError, startPreviewServer } from './server';

let values: { 'data-dir'?: string; port?: string };
try {
  values = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }, strict: true }).values;
} catch (e) {
  console.error(`命令行参数有误：${(e as Error).message}（用法：npm run preview -- [--data-dir 目录] [--port 端口]）`);
  process.exit(2);
}
const port = values.port === undefined ? 5380 : Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`端口应为 1 到 65535 之间的整数，而不是「${values.port}」`);
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
startPreviewServer({ dataDir, port, autoBackups: true }).then(
  (s) => {
    console.log(`预览已启动：${s.url}（数据目录 ${dataDir}；仅本机可访问，按 Ctrl+C 结束）`);
    const stop = () => void s.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (e: Error) => {
    console.error(e instanceof PortBusyError ? e.message : `预览无法启动：${e.message}`);
    process.exit(1);
  },
);
