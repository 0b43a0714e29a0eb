import { app, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';

/** Only our own page, loaded from our own file, may call the main process. */
export function isTrustedSender(event: IpcMainInvokeEvent, indexHtml: string, main: WebContents | undefined): boolean {
  const url = event.senderFrame?.url ?? '';
  const own = pathToFileURL(indexHtml).href;
  return event.sender === main && (url === own || url.startsWith(own + '#') || url.startsWith(own + '?'));
}

/** No remote content, no navigation, no new windows, no permissions. */
export function lockDown(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_d, cb) => cb({ cancel: true }));
    ses.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    ses.setPermissionCheckHandler(() => false);
  });
}
