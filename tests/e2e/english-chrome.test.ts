/**
 * The English UI speaks English: with seeded data (a village of households, a scored inspection
 * round, ledger items, monthly tasks, a check run), every main screen is walked in English and no
 * Chinese may remain in the chrome (headings, labels, buttons, table headers, menu items, options,
 * placeholders, aria-labels, tooltips). Data values are Chinese and stay so: every string stored in
 * the database (names, places, code values, template names and items, categories...) is taken out
 * of the visible text first, as is the language's own name (中文). The ledger and the month picker
 * are photographed at 1366×768, and no label there may be cut off.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openSession, seen, type Session } from './harness';
import { openApp } from '../../electron/core/app/app';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers } from '../../electron/core/ipc/handlers';
import { DEFAULT_COUNTY } from '../../shared/domain/org';
import type { TargetSheet } from '../../shared/domain/inspection';
import { seedVillage } from '../unit/wallchart-fixture';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});
afterAll(closeBrowser);

interface Seeded {
  /** Every Chinese string stored in the database: data, never chrome. */
  data: string[];
  roundId: string;
  targetId: string;
  householdId: string;
  ledgerId: string;
}

/**
 * Chinese still hard-coded in renderer/features/inspection/ScoreSheet.tsx (the brackets around
 * the round name and the total, the 分 / 次 after the score fields), a file being edited by
 * another change: the locale keys sheet.backTo, sheet.totalOf, sheet.unitPoints and
 * sheet.unitTimes exist for it. Tolerated on the score sheet only; delete this list when the
 * score sheet uses those keys.
 */

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Every string in every table (JSON columns opened up), split into lines, that holds Chinese. */
function storedStrings(raw: { prepare: (sql: string) => { all: () => unknown[] } }): string[] {
  const out = new Set<string>();
  const add = (v: unknown): void => {
    if (typeof v === 'string') {
      const t = v.trim();
      if ((t.startsWith('[') || t.startsWith('{')) && t.length > 1) {
        try {
          return add(JSON.parse(t));
        } catch {
          /* plain text */
        }
      }
      for (const line of t.split(/\n/)) if (CJK.test(line)) out.add(line.trim());
    } else if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
  for (const { name } of tables) {
    if (!/^[a-z_0-9]+$/.test(name)) continue;
    for (const row of raw.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) Object.values(row).forEach(add);
  }
  return [...out];
}

async function prepare(dir: string, seeded: Partial<Seeded>): Promise<void> {
  const app = await openApp(dir);
  try {
    const dispatch = createDispatcher(createHandlers(app), () => {});
    const call = async <T = never>(name: string, input: unknown): Promise<T> => {
      const r = await dispatch(name as never, input as never);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    await call('app.setup', { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator: '张三', townships: DEFAULT_COUNTY.townships });
    await app.refresh();
    const townships = await call<{ id: string; code: string }[]>('org.townships.list', {});
    const tw = (code: string) => townships.find((t) => t.code === code)!.id;
    await seedVillage(app, call as never, { households: 12, townshipId: tw('430522100') });

    const round = await call<{ id: string; targets: { id: string }[] }>('inspection.rounds.create', {
      name: '2017年第一季度督查考核',
      periodStart: '2017-03-20',
      periodEnd: '2017-03-27',
      theme: '春季行动',
      targets: ['430522100', '430522101'].map((c, i) => ({ type: 'township', refId: tw(c), group: i })),
      groups: [
        { name: '第一督查组', inspectors: ['王五'] },
        { name: '第二督查组', inspectors: ['孙七'] },
      ],
    });
    for (const [i, target] of round.targets.entries()) {
      const sheet = await call<TargetSheet>('inspection.sheet.get', { targetId: target.id });
      const scores = sheet.sections.flatMap((sec) =>
        sec.items.map((it) => ({ itemId: it.id, value: it.mode === 'points' ? it.max - i * 10 : it.mode === 'passfail' ? 1 : it.mode === 'deduct' ? i : 0, note: '' })),
      );
      await call('inspection.sheet.save', { targetId: target.id, selfScore: 950, scores });
    }
    const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const options = await call<{ categories: string[] }>('ledger.options', {});
    const item = await call<{ id: string }>('ledger.create', {
      sourceKind: 'inspection',
      sourceText: '2017年第一季度督查考核',
      category: options.categories[0],
      description: '贫困户手册填写不完整，3户缺少收入测算',
      measures: '逐户补填手册',
      leadUnit: '县扶贫办',
      responsibleUnit: '酿溪镇人民政府',
      responsiblePerson: '李四',
      deadline: later(40),
    });
    await call('ledger.create', {
      sourceKind: 'self_check',
      sourceText: '自查',
      category: options.categories[1] ?? options.categories[0],
      description: '危房改造资金拨付滞后',
      measures: '',
      leadUnit: '县住建局',
      responsibleUnit: '县住建局',
      responsiblePerson: '',
      deadline: later(10),
    });
    for (const [title, unit] of [
      ['完成贫困户手册更新', '酿溪镇人民政府'],
      ['开展政策宣传入户', '县扶贫办'],
    ])
      await call('monthly.save', { month: later(0).slice(0, 7), title, unit, deadline: later(0) });
    const earlier = later(-100).slice(0, 7); // a second month in the picker
    await call('monthly.save', { month: earlier, title: '上报季度帮扶台账', unit: '县扶贫办', deadline: `${earlier}-20` });
    await call('roster.check.run', { taskId: randomUUID() });
    await call('wallchart.templates.list', {}); // the built-in chart templates are written on first use
    const households = app.db.raw.prepare(`SELECT id FROM household ORDER BY number LIMIT 1`).all() as { id: string }[];

    Object.assign(seeded, { roundId: round.id, targetId: round.targets[0].id, householdId: households[0].id, ledgerId: item.id, data: storedStrings(app.db.raw) });
  } finally {
    await app.close();
  }
}

/**
 * The visible chrome of the page: text nodes and the attributes people read (aria-label,
 * placeholder, title, alt) of visible elements; inputs' typed values are data and not read.
 */
async function visibleTexts(page: Page): Promise<string[]> {
  await page.waitForTimeout(350);
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('script, style, canvas') || !el.checkVisibility({ visibilityProperty: true })) continue;
      out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title], [alt]'))) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** What is left of a text once the data values are taken out: Chinese here is chrome. */
function chromeLeft(text: string, data: readonly string[]): string {
  let rest = text;
  for (const d of data) if (d.length > 1 && rest.includes(d)) rest = rest.split(d).join(' ');
  const single = new Set(data.filter((d) => d.length === 1));
  rest = rest.replace(/[\u3400-\u9fff]+/g, (run) => (single.has(run) ? ' ' : run));
  return CJK.test(rest) ? text : '';
}

/**
 * Labels whose text does not fit their box (clipped, or ended with an ellipsis): table headers,
 * form labels, buttons, tabs, badges, and inputs' shown text (value or placeholder).
 */
async function cutLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const LABELS = 'th, label, button, [role="tab"], [role="radio"], .mantine-Badge-root, .mantine-InputWrapper-label';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (!Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
      if (!el.closest(LABELS) || !el.checkVisibility()) continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) out.push(el.textContent!.trim());
    }
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('input'))) {
      const text = (input.readOnly && input.value) || (!input.value && input.placeholder); // typed values are data; a picker's shown value is not
      if (!text || input.type === 'hidden' || input.type === 'checkbox' || input.type === 'radio' || !input.checkVisibility()) continue;
      const style = getComputedStyle(input);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (ctx.measureText(text).width > room + 1) out.push(`input: ${text}`);
    }
    return out;
  });
}

async function visit(page: Page, hash: string, ready: () => Promise<void>): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await ready();
}

describe('the English chrome (Chromium + real services)', { timeout: 300_000 }, () => {
  it('shows no Chinese outside the data on the main screens, and cuts no ledger label at 1366×768', async () => {
    const seeded: Partial<Seeded> = {};
    s = await openSession({ prepare: (dir) => prepare(dir, seeded) });
    const { page } = s;
    const { data, roundId, targetId, householdId, ledgerId } = seeded as Seeded;
    data.push('中文（简体）', '中文'); // the language's own name, offered in the switch
    data.sort((a, b) => b.length - a.length);
    await page.setViewportSize({ width: 1366, height: 768 });
    const nav = page.getByRole('navigation');
    await seen(nav.getByText('首页', { exact: true }));
    await visit(page, '#/settings', () => seen(page.getByText('English', { exact: true })));
    await page.getByText('English', { exact: true }).click();
    await seen(nav.getByText('Roster', { exact: true }));

    const found: string[] = [];
    const cutAll: string[] = [];
    const check = async (screen: string) => {
      for (const t of await visibleTexts(page)) {
        const left = chromeLeft(t, data);
        if (left) found.push(`[${screen}] ${left}`);
      }
      for (const c of await cutLabels(page)) cutAll.push(`[${screen}] ${c}`);
      await s!.shot(`en-chrome-${screen.replace(/\W+/g, '-')}`);
    };
    const main = page.getByRole('main');
    const closeDialog = async () => {
      for (let i = 0; i < 3 && (await page.getByRole('dialog').count()); i++) {
        await page.keyboard.press('Escape');
        await page.waitForTimeout(300);
      }
    };

    await visit(page, '#/home', () => seen(page.getByTestId('count-townships')));
    await check('home');

    await visit(page, '#/roster', () => seen(page.getByRole('table').getByRole('link')));
    await check('roster');
    await page.getByRole('button', { name: 'Export PDF' }).first().click();
    await seen(page.getByRole('menu'));
    await check('roster pdf menu');
    await page.keyboard.press('Escape');
    await visit(page, '#/roster/villages', () => seen(page.getByRole('table')));
    await check('roster by village');
    await visit(page, '#/roster/checks', () => seen(page.getByRole('table')));
    await check('roster checks');

    await visit(page, `#/roster/${householdId}`, () => seen(page.getByRole('button', { name: 'Change status' })));
    await check('household');
    await page.getByRole('button', { name: 'Add measure' }).click();
    await seen(page.getByRole('dialog'));
    await check('household measure dialog');
    await closeDialog();
    await page.getByRole('button', { name: 'Change status' }).click();
    await seen(page.getByRole('dialog'));
    await check('household status dialog');
    await closeDialog();

    await visit(page, '#/roster', () => seen(page.getByRole('table').getByRole('link')));
    await page.getByRole('button', { name: 'Import', exact: true }).first().click();
    await seen(page.getByRole('dialog'));
    await check('import wizard');
    await closeDialog();

    await visit(page, '#/wallcharts', () => seen(page.getByTestId('preview-info')));
    await check('wall charts');

    await visit(page, '#/inspections', () => seen(main.getByRole('table')));
    await check('inspection rounds');
    await visit(page, `#/inspections/round/${roundId}`, () => seen(main.getByRole('table')));
    await check('round targets');
    await page.getByRole('tab', { name: /Results/ }).click();
    await seen(page.getByTestId('tie-rule'));
    await check('round results');
    await visit(page, `#/inspections/score/${targetId}`, () => seen(page.locator('#score-selfScore')));
    await check('score sheet');
    await visit(page, '#/inspections/templates', () => seen(main.getByRole('table').first()));
    await check('checklists');
    await main.getByRole('button', { name: /^Edit / }).first().click();
    await seen(page.getByRole('dialog'));
    await check('checklist editor');
    await closeDialog();

    await visit(page, '#/ledger', () => seen(main.getByRole('table')));
    await check('ledger');
    await s.shot('en-chrome-ledger-1366');
    await visit(page, `#/ledger/item/${ledgerId}`, () => seen(page.getByRole('dialog')));
    await check('ledger item');
    await closeDialog();
    await visit(page, '#/ledger', () => seen(main.getByRole('table')));
    await page.getByRole('button', { name: 'New item' }).click();
    await seen(page.getByRole('dialog'));
    await check('new ledger item');
    await closeDialog();

    await visit(page, '#/ledger/monthly', () => seen(main.getByRole('table')));
    await check('monthly');
    await main.getByLabel('Month', { exact: true }).click();
    await seen(page.getByRole('option').first());
    await check('month picker');
    await s.shot('en-chrome-month-picker-1366');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New task' }).click();
    await seen(page.getByRole('dialog'));
    await check('new monthly task');
    await closeDialog();

    for (const tab of ['townships', 'villages', 'groups', 'units', 'teams', 'cadres']) {
      await visit(page, `#/org/${tab}`, () => seen(main.getByRole('tab').first()));
      await page.waitForTimeout(400);
      await check(`org ${tab}`);
    }

    await visit(page, '#/audit', () => seen(main.getByRole('table', { name: 'Audit log' }).getByRole('link').first()));
    await check('audit log');

    await visit(page, '#/settings', () => seen(page.getByText('English', { exact: true })));
    await check('settings');
    const tabs = main.getByRole('tab');
    for (let i = 1; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await check(`settings tab ${i}`);
    }

    expect({ chinese: [...new Set(found)], cut: cutAll }).toEqual({ chinese: [], cut: [] });
  });
});
