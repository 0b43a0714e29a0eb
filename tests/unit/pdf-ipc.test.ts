/** The pdf.* calls through the real dispatcher with scripted dialogs: save, cancel, open, refusals. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers } from '../../electron/core/ipc/handlers';
import { noDialogs } from '../../electron/core/app/dialogs';
import { cleanup } from './helpers/app';
import { cardVillage } from './pdf-fixture';
import { pdfInfo } from '../support/pdf';

afterEach(cleanup);

const TASK = '0190d7a2-0000-7000-8000-000000000001';

async function setUp() {
  const t = await cardVillage();
  let target: string | null = path.join(t.dir, 'out.pdf');
  const opened: string[] = [];
  const names: string[] = [];
  const dispatch = createDispatcher(
    createHandlers(t.app, {
      dialogs: {
        ...noDialogs,
        saveFile: async ({ defaultName }) => (names.push(defaultName), target),
        openPath: async (p) => void opened.push(p),
      },
    }),
    () => {},
  );
  return { t, dispatch, opened, names, setTarget: (p: string | null) => (target = p) };
}

describe('pdf IPC', () => {
  it('writes the roster PDF where the user chose, offers to open it, and writes nothing when the dialog is cancelled', async () => {
    const { t, dispatch, opened, names, setTarget } = await setUp();
    const r = await dispatch('pdf.roster', { filter: { villageId: t.village.id }, masked: false, taskId: TASK });
    expect(r.ok).toBe(true);
    if (!r.ok || !r.value) throw new Error('no result');
    expect(r.value).toMatchObject({ name: 'out.pdf', households: 2, persons: 7, pages: 1 });
    expect(names[0]).toBe('长青村贫困人口花名册.pdf');
    expect(pdfInfo(path.join(t.dir, 'out.pdf')).pages).toBe(1);
    const { fileToken } = r.value as { fileToken: string };
    expect((await dispatch('pdf.open', { fileToken })).ok).toBe(true);
    expect(opened).toEqual([path.join(t.dir, 'out.pdf')]);

    setTarget(null);
    fs.rmSync(path.join(t.dir, 'out.pdf'));
    const none = await dispatch('pdf.cards', { villageId: t.village.id, taskId: TASK });
    expect(none).toEqual({ ok: true, value: null });
    expect(fs.existsSync(path.join(t.dir, 'out.pdf'))).toBe(false);
  });

  it('refuses an unknown file token, and a card request naming both a village and a household', async () => {
    const { t, dispatch } = await setUp();
    const open = await dispatch('pdf.open', { fileToken: 'not-issued' });
    expect(open.ok).toBe(false);
    const both = await dispatch('pdf.cards', { villageId: t.village.id, householdId: t.h1.id, taskId: TASK });
    expect(both.ok).toBe(false);
    const cards = await dispatch('pdf.cards', { householdId: t.h1.id, taskId: TASK });
    expect(cards).toMatchObject({ ok: true, value: { households: 1, pages: 1, missing: [] } });
  });
});
