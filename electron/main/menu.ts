import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

/** The Chinese application menu. No developer tools in a packaged app. */
export function buildMenu(opts: { dataDir: string; showAbout: () => void }): Menu {
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [{ label: '打开数据目录', click: () => void shell.openPath(opts.dataDir) }, { type: 'separator' }, { label: '退出', role: 'quit' }],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(dev ? [{ label: '开发者工具', role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
      ],
    },
    { label: '帮助', submenu: [{ label: '关于扶贫工作台', click: opts.showAbout }] },
  ];
  return Menu.buildFromTemplate(template);
}
