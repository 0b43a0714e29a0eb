/**
 * The system file dialogs speak the UI language chosen in 设置: titles, file-type names and
 * suggested file names come from the message files, English when the UI is English.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers } from '../../electron/core/ipc/handlers';
import { noDialogs, type FileFilter } from '../../electron/core/app/dialogs';
import { dialogMessages } from '../../shared/i18n/messages-dialogs';
import { cleanup } from './helpers/app';
import { cardVillage } from './pdf-fixture';

afterEach(cleanup);

const TASK = '0190d7a2-0000-7000-8000-000000000001';
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

interface Asked {
  title: string;
  defaultName?: string;
  filters: FileFilter[];
}

async function setUp() {
  const t = await cardVillage();
  const asked: Asked[] = [];
  const dispatch = createDispatcher(
    createHandlers(t.app, {
      dialogs: {
        ...noDialogs,
        saveFile: async (o) => (asked.push(o), null),
        openFile: async (o) => (asked.push(o), null),
      },
    }),
    () => {},
  );
  return { t, dispatch, asked };
}

describe('file dialog texts follow the UI language', () => {
  it('asks in English when the UI is English: no Chinese except the names of places', async () => {
    const { t, dispatch, asked } = await setUp();
    expect((await dispatch('settings.update', { language: 'en' })).ok).toBe(true);
    await dispatch('pdf.roster', { filter: { villageId: t.village.id }, masked: true, taskId: TASK });
    await dispatch('roster.import.pick', {} as never);
    await dispatch('roster.export', {} as never);
    await dispatch('ledger.export', { filter: { view: 'overdue' }, format: 'xlsx', taskId: TASK } as never);
    await dispatch('monthly.bulletin', { month: '2026-03', taskId: TASK } as never);
    await dispatch('inspection.templates.import', {} as never);
    expect(asked.length).toBeGreaterThanOrEqual(4);
    expect(asked[0]).toEqual({ title: 'Export the roster PDF', defaultName: '长青村 poverty roster (public).pdf', filters: [{ name: 'PDF files', extensions: ['pdf'] }] });
    for (const a of asked) {
      expect(a.title).not.toMatch(CJK);
      for (const f of a.filters) expect(f.name).not.toMatch(CJK);
      // The place name (长青村, 新邵县) is data and stays; the words around it are English.
      if (a.defaultName) expect(path.parse(a.defaultName).name.replace(/长青村|新邵县/g, '')).not.toMatch(CJK);
    }
    expect(asked.map((a) => a.title)).toContain('Export the rectification ledger (Excel)');
  });

  it('asks in Chinese by default', async () => {
    const { t, dispatch, asked } = await setUp();
    await dispatch('pdf.roster', { filter: { villageId: t.village.id }, masked: false, taskId: TASK });
    await dispatch('ledger.export', { filter: { view: 'overdue' }, format: 'pdf', taskId: TASK } as never);
    expect(asked[0]).toEqual({ title: '导出花名册 PDF', defaultName: '长青村贫困人口花名册.pdf', filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] });
    expect(asked[1]).toMatchObject({ title: '导出整改台账（PDF）', defaultName: expect.stringMatching(/整改台账-已逾期\.pdf$/) });
  });

  it('has every dialog text in both languages', () => {
    expect(Object.keys(dialogMessages.en).sort()).toEqual(Object.keys(dialogMessages['zh-CN']).sort());
  });
});
