/**
 * File dialogs are the only way a path reaches the services from the UI: the renderer never
 * sends a path, it receives a token for the file the user picked. Electron shows native
 * dialogs; tests and the preview server supply their own.
 */
import { randomUUID } from 'node:crypto';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Dialogs {
  openFile(opts: { title: string; filters: FileFilter[] }): Promise<string | null>;
  saveFile(opts: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** Opens a file the app wrote or keeps (an exported PDF, an evidence file) in the system's viewer. */
  openPath(path: string): Promise<void>;
}

/** Dialogs for where there is no window (the CLI): always "cancelled". The preview in a browser has its own (electron/preview/browser-dialogs.ts). */
export const noDialogs: Dialogs = {
  openFile: async () => null,
  saveFile: async () => null,
  openPath: async () => undefined,
};

/** Paths the user picked, by token. */
export class FileTokens {
  private readonly paths = new Map<string, string>();
  issue(path: string): string {
    const token = randomUUID();
    this.paths.set(token, path);
    return token;
  }
  /** The picked path, or undefined for a token this process never issued. */
  resolve(token: string): string | undefined {
    return this.paths.get(token);
  }
}
