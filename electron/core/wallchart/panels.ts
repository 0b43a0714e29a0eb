/** Side panels of the village chart (design: statistics column, team and pairing column). */
import { BAR, CREAM, fit, GREY, HAIR, HEAD_FILL, INK, RED, Sheet, textEm } from './draw';
import type { Count, VillageChartData } from './chart-data';
import { figure, type StatsId, type TemplateBody } from '../../../shared/domain/wallchart';

const PT = 72 / 25.4;
type Legend = TemplateBody['legend'];

export interface Box {
  x: number;
  y: number;
  w: number;
}

/** Panel background and heading; returns the y below the heading. */
function panel(sh: Sheet, b: Box, h: number, title: string, right = ''): number {
  const s = sh.s;
  sh.rect(b.x, b.y, b.w, h, CREAM);
  sh.rect(b.x + 6 * s, b.y + 6 * s, 1.6 * s, 7 * s, RED);
  sh.textMid(b.x + 10 * s, b.y + 9.5 * s, b.w - 16 * s, title, { size: 24 * s, bold: true });
  if (right) sh.textMid(b.x + 6 * s, b.y + 9.5 * s, b.w - 12 * s, right, { size: 15 * s, color: GREY, align: 'right' });
  return b.y + 16 * s;
}

const big = (n: number | string, unit: string, color: string, size: number, s: number) => ({
  text: [
    { text: typeof n === 'number' ? figure(n) : n, fontSize: size * s, bold: true, color },
    { text: ` ${unit}`, fontSize: 24 * s, color: GREY },
  ],
});

/** Big figures are placed by the top of their digits: the line box starts 0.3 em above them. */
const lift = (sizePt: number, s: number) => (0.3 * sizePt * s) / PT;

const pct = (v: number) => (Math.round(v * 100) / 100).toFixed(2);

/** Height (A1 mm, unscaled) each statistics panel needs. */
function statsHeight(id: StatsId, d: VillageChartData): number {
  switch (id) {
    case 'total':
      return 44;
    case 'status':
      return 46;
    case 'incidence':
      return 64;
    case 'target':
      return 46;
    case 'cause':
      return 20 + Math.min(d.byCause.length, 10) * 7.5;
    case 'attribute':
      return 20 + Math.min(d.byAttribute.length, 6) * 7.5;
    case 'measure':
      return 20 + Math.min(d.byMeasure.length, 10) * 7.5;
  }
}

export function statsColumn(sh: Sheet, b: Box, hMax: number, ids: StatsId[], d: VillageChartData, legend: Legend): void {
  const s = sh.s;
  let y = b.y;
  for (const id of ids) {
    const h = statsHeight(id, d) * s;
    if (y + h > b.y + hMax) break;
    statsPanel(sh, { ...b, y }, h, id, d, legend);
    y += h + 7 * s;
  }
}

function statsPanel(sh: Sheet, b: Box, h: number, id: StatsId, d: VillageChartData, legend: Legend): void {
  const s = sh.s;
  const inner = b.w - 12 * s;
  const x = b.x + 6 * s;
  const open = d.byStatus.unexited.households + d.byStatus.monitored.households;
  const openPersons = d.byStatus.unexited.persons + d.byStatus.monitored.persons;
  if (id === 'total') {
    const y = panel(sh, b, h, '建档立卡贫困户');
    sh.text(x, y + 2 * s - lift(80, s), inner / 2, big(d.byStatus.exited.households + open, '户', INK, 80, s), { size: 80 * s });
    sh.textMid(x + inner / 2 - 8 * s, y + 12 * s, 16 * s, '/', { size: 40 * s, color: HAIR, align: 'center' });
    sh.text(x + inner / 2 + 8 * s, y + 2 * s - lift(80, s), inner / 2, big(d.persons, '人', INK, 80, s), { size: 80 * s });
  } else if (id === 'status') {
    const half = (b.w - 7 * s) / 2;
    const one = (bx: number, title: string, n: number, color: string, note: string) => {
      const y = panel(sh, { x: bx, y: b.y, w: half }, h, title);
      sh.text(bx + 6 * s, y + 1 * s - lift(64, s), half - 12 * s, big(n, '户', color, 64, s), { size: 64 * s });
      sh.text(bx + 6 * s, b.y + h - 8.5 * s, half - 12 * s, fit(note, (half - 12 * s) * PT, 15 * s), { size: 15 * s, color: GREY });
    };
    one(b.x, '已脱贫', d.byStatus.exited.households, legend.exited, `${figure(d.byStatus.exited.persons)} 人`);
    one(b.x + half + 7 * s, '未脱贫', open, legend.unexited, `${figure(openPersons)} 人 · 含监测 ${figure(d.byStatus.monitored.households)} 户`);
  } else if (id === 'incidence') {
    const y = panel(sh, b, h, '贫困发生率', d.population ? `户籍人口 ${figure(d.population)}` : '未填户籍人口');
    const rate = d.population ? (openPersons / d.population) * 100 : null;
    sh.text(x, y + 1 * s - lift(72, s), inner, rate === null ? big('—', '', GREY, 72, s) : big(pct(rate), '%', rate < 2 ? legend.exited : legend.unexited, 72, s), { size: 72 * s });
    const gy = y + 28 * s;
    const max = 8;
    sh.rect(x, gy, inner, 5 * s, HEAD_FILL);
    if (rate !== null) sh.rect(x, gy, (inner * Math.min(rate, max)) / max, 5 * s, rate < 2 ? legend.exited : legend.unexited);
    const two = x + (inner * 2) / max;
    sh.line(two, gy - 2 * s, two, gy + 7 * s, legend.exited, 0.6 * s);
    for (let k = 0; k <= max; k += 2) sh.text(x + (inner * k) / max - 6 * s, gy + 6.5 * s, 12 * s, `${k}%`, { size: 14 * s, color: GREY, align: 'center' });
    sh.text(x, gy + 13 * s, inner, '退出标准 < 2%', { size: 14 * s, color: legend.exited });
  } else if (id === 'target') {
    const t = d.target;
    const y = panel(sh, b, h, `${d.year}年脱贫任务`, `${figure(t.total)} 户`);
    const by = y + 4 * s;
    const bh = 9 * s;
    sh.rect(x, by, inner, bh, '#FFFFFF', { color: HAIR, width: 0.3 * s });
    if (t.total > 0) {
      let cx = x;
      for (const [n, color] of [
        [t.exited, legend.exited],
        [t.monitored, legend.monitored],
        [t.open, '#F3D0CC'],
      ] as const) {
        const w = (inner * n) / t.total;
        if (w > 0) sh.rect(cx, by, w, bh, color);
        cx += w;
      }
    }
    const ly = by + bh + 6 * s;
    const items: [string, number, string][] = [
      ['已脱贫', t.exited, legend.exited],
      ['预脱贫/监测', t.monitored, legend.monitored],
      ['未达标', t.open, legend.unexited],
    ];
    items.forEach(([label, n, color], k) => {
      const lx = x + (k * inner) / 3;
      sh.rect(lx, ly + 1 * s, 3.5 * s, 3.5 * s, color);
      sh.text(lx + 5 * s, ly, inner / 3 - 5 * s, { text: [{ text: `${label} ` }, { text: figure(n), bold: true }] }, { size: 15 * s, color: INK });
    });
  } else {
    const list = id === 'cause' ? topWithOther(d.byCause, 10) : id === 'attribute' ? topWithOther(d.byAttribute, 6) : d.byMeasure.slice(0, 10);
    const title = id === 'cause' ? '主要致贫原因' : id === 'attribute' ? '贫困户属性' : '帮扶措施覆盖';
    const y = panel(sh, b, h, title, '户');
    const max = Math.max(1, ...list.map((c) => c.households));
    const labelW = 34 * s;
    // The figures' column is as wide as the widest figure, so no bar runs into its number.
    const numW = Math.max(14 * s, ...list.map((c) => (textEm(figure(c.households), true) * 18 * s) / PT + 2 * s));
    const barW = inner - labelW - numW;
    list.forEach((c, k) => {
      const ry = y + 1 * s + k * 7.5 * s;
      sh.textMid(x, ry + 3 * s, labelW, fit(c.label, labelW * PT, 18 * s), { size: 18 * s });
      sh.rect(x + labelW, ry + 0.8 * s, Math.max(0.8 * s, (barW * c.households) / max), 4.4 * s, BAR);
      sh.textMid(x + labelW + barW, ry + 3 * s, numW, figure(c.households), { size: 18 * s, bold: true, align: 'right' });
    });
  }
}

/**
 * The first `n` rows of a count list; when there are more, the last row is 其他 and sums the rest,
 * so the rows always add up to the whole village.
 */
export function topWithOther(list: Count[], n: number): Count[] {
  if (list.length <= n) return list;
  const rest = list.slice(n - 1);
  return [...list.slice(0, n - 1), { label: '其他', households: rest.reduce((a, c) => a + c.households, 0), persons: rest.reduce((a, c) => a + c.persons, 0) }];
}

export function teamPanel(sh: Sheet, b: Box, d: VillageChartData): number {
  const s = sh.s;
  const t = d.team;
  const rows = t ? t.members.length : 1;
  const h = (26 + rows * 9 + (t ? 18 : 0)) * s;
  const y = panel(sh, b, h, '驻村帮扶工作队');
  const x = b.x + 6 * s;
  const inner = b.w - 12 * s;
  if (!t) {
    sh.text(x, y, inner, '未登记驻村工作队', { size: 18 * s, color: GREY });
    return h;
  }
  sh.text(x, y, inner, { text: [{ text: '帮扶单位  ', color: GREY, fontSize: 15 * s }, { text: t.unit || '—', bold: true }] }, { size: 19 * s });
  t.members.forEach((m, k) => {
    const ry = y + 9 * s + k * 9 * s;
    sh.text(x, ry, 16 * s, k === 0 || m.role === '队长' ? m.role : k === 1 ? '队员' : '', { size: 15 * s, color: GREY });
    sh.text(x + 16 * s, ry - 0.5 * s, 24 * s, fit(m.name, 24 * s * PT, 20 * s, true), { size: 20 * s, bold: true });
    const detail = [m.unit, m.post].filter(Boolean).join(' · ');
    sh.text(x + 41 * s, ry + 1 * s, inner - 41 * s, fit(detail, (inner - 41 * s) * PT, 14 * s), { size: 14 * s, color: GREY });
  });
  sh.text(x, y + 9 * s + t.members.length * 9 * s + 1 * s, inner, { text: [{ text: '驻村时间  ', color: GREY, fontSize: 15 * s }, { text: t.term || '—' }] }, { size: 17 * s });
  return h;
}

export function pairingPanel(sh: Sheet, b: Box, hMax: number, d: VillageChartData): number {
  const s = sh.s;
  const households = d.pairings.reduce((n, p) => n + p.households.length, 0);
  const entry = 17 * s;
  const fitN = Math.max(0, Math.floor((hMax - 24 * s) / entry));
  const shown = d.pairings.length > fitN ? d.pairings.slice(0, Math.max(0, fitN - 1)) : d.pairings;
  const h = Math.min(hMax, 24 * s + (shown.length + (shown.length < d.pairings.length ? 1 : 0)) * entry);
  const y = panel(sh, b, h, '一对一结对帮扶', `${d.pairings.length} 人 · ${households} 户`);
  const x = b.x + 6 * s;
  const inner = b.w - 12 * s;
  shown.forEach((p, k) => {
    const ry = y + k * entry;
    sh.text(x, ry, 26 * s, fit(p.cadre, 26 * s * PT, 19 * s, true), { size: 19 * s, bold: true });
    const detail = [p.unit, p.post].filter(Boolean).join(' · ');
    sh.text(x + 27 * s, ry + 1.2 * s, inner - 40 * s, fit(detail, (inner - 40 * s) * PT, 14 * s), { size: 14 * s, color: GREY });
    sh.text(x + inner - 12 * s, ry + 1.2 * s, 12 * s, `${p.households.length}户`, { size: 14 * s, color: GREY, align: 'right' });
    sh.text(x, ry + 7.5 * s, 5 * s, '→', { size: 17 * s, color: RED });
    sh.text(x + 5 * s, ry + 7.5 * s, inner - 5 * s, fit(p.households.join('、'), (inner - 5 * s) * PT, 17 * s), { size: 17 * s });
  });
  if (shown.length < d.pairings.length) {
    sh.text(x, y + shown.length * entry + 2 * s, inner, `另有 ${d.pairings.length - shown.length} 名帮扶责任人，见一对一结对帮扶名册`, { size: 15 * s, color: GREY });
  }
  return h;
}

export function criteriaPanel(sh: Sheet, b: Box, d: VillageChartData, legend: Legend): number {
  const s = sh.s;
  const openPersons = d.byStatus.unexited.persons + d.byStatus.monitored.persons;
  const rate = d.population ? (openPersons / d.population) * 100 : null;
  const open = d.byStatus.unexited.households + d.byStatus.monitored.households;
  const rows: [string, string, boolean | null][] = [
    ['贫困发生率 < 2%', rate === null ? '未填人口' : `${pct(rate)}%`, rate === null ? null : rate < 2],
    ['三保障缺口清零', `${d.gaps} 项`, d.gaps === 0],
    ['贫困户全部脱贫', `未脱贫 ${open} 户`, open === 0],
  ];
  const h = (24 + rows.length * 8.5) * s;
  const y = panel(sh, b, h, '贫困村退出指标', `${d.year}年`);
  const x = b.x + 6 * s;
  const inner = b.w - 12 * s;
  rows.forEach(([label, value, ok], k) => {
    const ry = y + k * 8.5 * s;
    sh.text(x, ry, inner * 0.6, label, { size: 17 * s });
    sh.text(x + inner * 0.5, ry, inner * 0.4 - 8 * s, value, { size: 15 * s, color: GREY, align: 'right' });
    if (ok === true) sh.check(x + inner - 3 * s, ry + 3.3 * s, 4 * s, legend.exited);
    else if (ok === false) sh.cross(x + inner - 3 * s, ry + 3.3 * s, 4 * s, legend.unexited);
    sh.line(x, ry + 7.6 * s, x + inner, ry + 7.6 * s, HAIR, 0.2 * s);
  });
  return h;
}
