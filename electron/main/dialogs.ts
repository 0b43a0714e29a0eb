import { dialog, shell, type BrowserWindow } from 'electron';
import type { Dialogs } from '../core/app/dialogs';

/** Native open/save dialogs, modal to the app window; files open in the system's default app. */
export function nativeDialogs(window: () => BrowserWindow | undefined): Dialogs {
  return {
    async openFile({ title, filters }) {
      const w = window();
      const opts = { title, filters, properties: ['openFile' as const] };
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    async saveFile({ title, defaultName, filters }) {
      const w = window();
      const opts = { title, defaultPath: defaultName, filters };
      const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async openPath(file) {
      const error = await shell.openPath(file);
      if (error) throw new Error('open failed');
    },
  };
}
