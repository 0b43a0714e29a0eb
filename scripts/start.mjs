// `npm start`: build, make sure better-sqlite3 exists for Electron, and open the app window.
// Where the Electron binary is missing (its download is blocked on some machines), say so in
// one line and point to `npm run preview`.
import { spawnSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

function electronBinary() {
  try {
    const p = require('electron'); // the package exports the binary's path, or throws
    return typeof p === 'string' && fs.existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const electron = electronBinary();
if (!electron) {
  console.error('未找到 Electron 程序（本机未能下载它）：请运行 npm run preview，在浏览器中使用同一个程序。');
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
if (!run(npm, ['run', '--silent', 'build'])) process.exit(1);

// better-sqlite3 in node_modules is built for Node (tests and CLI); Electron needs its own
// build, kept beside it in dist/native/electron and passed as `nativeBinding`.
const target = path.join(root, 'dist', 'native', 'electron', 'better_sqlite3.node');
const electronVersion = require('electron/package.json').version;
const stampFile = target + '.version';
if (!fs.existsSync(target) || fs.readFileSync(stampFile, 'utf8') !== electronVersion) {
  console.log(`正在为 Electron ${electronVersion} 编译 better-sqlite3（首次需要联网下载 Electron 头文件，约 1–2 分钟）…`);
  const work = path.join(root, 'dist', 'native', 'build');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true });
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  const ok =
    spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], {
      cwd: work,
      stdio: 'inherit',
    }).status === 0;
  if (!ok) {
    console.error('为 Electron 编译 better-sqlite3 失败：需要联网和 C++ 编译工具（见 README「开发环境」）。也可运行 npm run preview。');
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.writeFileSync(stampFile, electronVersion);
}

const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
