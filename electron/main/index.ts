/**
 * Electron main process: window, menu and IPC wiring. Everything else lives in electron/core
 * and runs under plain Node too.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { callNames } from '../../shared/ipc/contract';
import { dataDirArg, defaultDataDir } from '../core/paths';
import { serveDataDir } from '../core/ipc/serve';
import { AppError } from '../core/errors';
import type { App } from '../core/app/app';
import { isTrustedSender, lockDown } from './security';
import { buildMenu } from './menu';
import { nativeDialogs } from './dialogs';
import { setResourcesDir } from '../core/pdf/fonts';

const here = __dirname; // dist/electron in the bundle
const indexHtml = path.join(here, '..', 'renderer', 'index.html');
const preload = path.join(here, 'preload.cjs');
/** better-sqlite3 built for Electron by `npm start` in development; packaged apps use node_modules. */
const devBinding = path.join(here, '..', 'native', 'electron', 'better_sqlite3.node');

const dataDir = path.resolve(dataDirArg(process.argv) ?? defaultDataDir());
app.setPath('userData', dataDir);
lockDown();
// Fonts and templates: beside the app when packaged (extraResources), ./resources in development.
setResourcesDir(app.isPackaged ? process.resourcesPath : path.join(here, '..', '..', 'resources'));

let win: BrowserWindow | undefined;
let served: { readonly app: App | undefined } | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.whenReady().then(start);
}

async function start(): Promise<void> {
  const s = await serveDataDir(
    dataDir,
    { nativeBinding: fs.existsSync(devBinding) ? devBinding : undefined },
    nativeDialogs(() => win),
    { autoBackups: true },
  );
  served = s;
  const dispatch = s.dispatch;
  for (const name of callNames) {
    ipcMain.handle(name, async (event, payload: unknown) => {
      if (!isTrustedSender(event, indexHtml, win?.webContents)) return { ok: false, error: new AppError('FORBIDDEN', 'forbidden').info };
      return dispatch(name, payload);
    });
  }
  Menu.setApplicationMenu(buildMenu({ dataDir, showAbout: () => void showAbout() }));
  win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '扶贫工作台',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win?.show());
  await win.loadFile(indexHtml);
}

async function showAbout(): Promise<void> {
  await dialog.showMessageBox({
    type: 'info',
    title: '关于扶贫工作台',
    message: `扶贫工作台 ${app.getVersion()}`,
    detail: `县级扶贫办离线工作台。\n数据目录：${dataDir}`,
  });
}

app.on('window-all-closed', () => {
  void (served?.app?.close() ?? Promise.resolve()).finally(() => app.quit());
});
