/** `npm run preview [-- --data-dir DIR] [--port N]`: the app in the system's browser. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/paths';
import { startPreviewServer } from './server';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }, strict: true });
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
startPreviewServer({ dataDir, port: values.port ? Number(values.port) : 5380 }).then(
  (s) => {
    console.log(`预览已启动：${s.url}（数据目录 ${dataDir}；仅本机可访问，按 Ctrl+C 结束）`);
    const stop = () => void s.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (e: Error) => {
    console.error(`预览无法启动：${e.message}`);
    process.exit(1);
  },
);
