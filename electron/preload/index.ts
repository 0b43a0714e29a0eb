/**
 * The only bridge between the sandboxed renderer and the main process: `window.api`, one
 * named method per contract call, each on its own IPC channel. No generic invoke is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/ipc/bridge';

contextBridge.exposeInMainWorld(
  'api',
  createApi((name, input) => ipcRenderer.invoke(name, input)),
);
