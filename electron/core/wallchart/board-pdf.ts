/**
 * Township progress board (villages of one township) and county overview (townships), in the
 * village chart's visual language: statistics column on the left, one row per area with its
 * households by status, incidence and progress against the year's exit target.
 */
import { missingChars } from '../pdf/fonts';
import { GREY, RED, Sheet } from './draw';
import { drawTable, headerHeight, type CellValue, type Column } from './table';
import { frame, type FrameText } from './sheet-frame';
import { statsColumn } from './panels';
import type { Count, VillageChartData } from './chart-data';
import { shortAttribute, shortCause } from './chart-data';
import * as repo from './chart-repo';
import type { StatusRule } from '../../../shared/roster/status';
import { figure, paperMm, statusGroup, type MissingGlyph, type StatusGroup, type TemplateBody } from '../../../shared/domain/wallchart';

interface AreaLine {
  seq: number;
  name: string;
  poor: boolean;
  households: number;
  persons: number;
  by: Record<StatusGroup, number>;
  openPersons: number;
  population: number | null;
  target: number;
  targetDone: number;
}

const t = (text: string, align: 'left' | 'center' | 'right' = 'center', bold = false, color?: string): CellValue => ({ kind: 'text', text, align, bold, color });

function columns(level: 'township' | 'county', legend: TemplateBody['legend'], year: number): Column<AreaLine>[] {
  return [
    { id: 'seq', label: '序号', width: 16, cell: (a) => t(String(a.seq)) },
    { id: 'name', label: level === 'township' ? '行政村' : '乡镇', width: 40, cell: (a) => t(a.name + (a.poor && level === 'township' ? ' ★' : ''), 'left', true) },
    { id: 'hh', label: '贫困户\n（户）', width: 26, cell: (a) => t(figure(a.households), 'right') },
    { id: 'pp', label: '贫困人口\n（人）', width: 28, cell: (a) => t(figure(a.persons), 'right') },
    { id: 'ex', label: '已脱贫', width: 24, span: '按状态（户）', cell: (a) => t(figure(a.by.exited), 'right', false, legend.exited) },
    { id: 'un', label: '未脱贫', width: 24, span: '按状态（户）', cell: (a) => t(figure(a.by.unexited), 'right', true, legend.unexited) },
    { id: 'mo', label: '监测', width: 24, span: '按状态（户）', cell: (a) => t(figure(a.by.monitored), 'right') },
    {
      id: 'inc',
      label: '贫困\n发生率',
      width: 28,
      cell: (a) => {
        if (!a.population) return t('—');
        const r = (a.openPersons / a.population) * 100;
        return t(`${r.toFixed(2)}%`, 'right', true, r < 2 ? legend.exited : legend.unexited);
      },
    },
    { id: 'target', label: `${year}年\n任务（户）`, width: 36, cell: (a) => t(figure(a.target), 'right') },
    {
      id: 'progress',
      label: '完成进度',
      width: 0,
      cell: (a) => ({ kind: 'bar', value: a.target ? a.targetDone / a.target : 0, fill: a.target && a.targetDone === a.target ? legend.exited : legend.monitored, label: a.target ? `${Math.round((a.targetDone / a.target) * 100)}%` : '—' }),
    },
  ];
}

export function boardDoc(reads: repo.ChartReads, body: TemplateBody, text: FrameText, townshipId: string | null, status: StatusRule): { pages: Sheet[]; sheets: number; missing: MissingGlyph[] } {
  const by = townshipId ? 'village' : 'township';
  const year = text.year;
  const list = reads.areas(by, townshipId ?? undefined);
  const lines = new Map<string, AreaLine>(
    list.map((a, i) => [a.id, { seq: i + 1, name: a.name, poor: a.is_poor === 1, households: 0, persons: 0, by: { exited: 0, unexited: 0, monitored: 0 }, openPersons: 0, population: a.population, target: 0, targetDone: 0 }]),
  );
  const byStatus: VillageChartData['byStatus'] = {
    unexited: { label: '未脱贫', households: 0, persons: 0 },
    exited: { label: '已脱贫', households: 0, persons: 0 },
    monitored: { label: '监测/预脱贫', households: 0, persons: 0 },
  };
  const cause = new Map<string, Count>();
  const attribute = new Map<string, Count>();
  const target = { total: 0, exited: 0, monitored: 0, open: 0 };
  let persons = 0;
  for (const r of reads.areaCounts(by, townshipId ?? undefined)) {
    const l = lines.get(r.area_id);
    if (!l) continue;
    const g = statusGroup(status, r.status, r.monitor_type);
    if (g === null) continue; // 注销: no longer a poor household
    l.households += r.households;
    l.persons += r.persons;
    l.by[g] += r.households;
    if (g !== 'exited') l.openPersons += r.persons;
    byStatus[g].households += r.households;
    byStatus[g].persons += r.persons;
    persons += r.persons;
    if (r.planned_exit_year === year) {
      l.target += r.households;
      target.total += r.households;
      if (g === 'exited') {
        l.targetDone += r.households;
        target.exited += r.households;
      } else if (g === 'monitored') target.monitored += r.households;
      else target.open += r.households;
    }
    for (const [m, label] of [
      [cause, shortCause(r.main_cause) || '未填'],
      [attribute, shortAttribute(r.attribute) || '未填'],
    ] as const) {
      const c = m.get(label) ?? { label, households: 0, persons: 0 };
      c.households += r.households;
      c.persons += r.persons;
      m.set(label, c);
    }
  }
  const population = list.reduce((n, a) => n + (a.population ?? 0), 0) || null;
  const sorted = (m: Map<string, Count>) => [...m.values()].sort((a, b) => b.households - a.households);
  const d: VillageChartData = {
    county: '',
    township: '',
    village: '',
    year,
    dataDate: text.dataDate,
    population,
    households: [],
    persons,
    byStatus,
    byCause: sorted(cause),
    byAttribute: sorted(attribute),
    byMeasure: reads.measureCounts(townshipId).map((m) => ({ label: m.category, households: m.n, persons: 0 })),
    target,
    gaps: 0,
    team: null,
    pairings: [],
    missing: [],
  };

  const { w: W, h: H } = paperMm(body.paper);
  const s = Math.min(W / 841, H / 594);
  const rows = [...lines.values()];
  const cols = columns(by === 'village' ? 'township' : 'county', body.legend, year);
  const st = { s, body: 20, rowMm: 10.2, narrow: 1 };
  const pages: Sheet[] = [];
  const showStats = body.sections.some((x) => x.id === 'stats' && x.on);
  // Rows per sheet from a probe; then every sheet repeats the frame and header.
  const probe = new Sheet(s, W, H);
  const A0 = frame(probe, text, body.legend, 64, { n: 1, of: 1, show: false });
  const per = Math.max(1, Math.floor((A0.mainH - 10 * s - headerHeight(cols as never, st) - 8 * s) / (st.rowMm * s)));
  const sheets = Math.max(1, Math.ceil(rows.length / per));
  for (let n = 1; n <= sheets; n++) {
    const sh = new Sheet(s, W, H);
    const A = frame(sh, text, body.legend, 64, { n, of: sheets, show: body.footer.pageNumbers });
    const sideW = 168 * s;
    const x = A.side + (showStats ? sideW + 10 * s : 0);
    const w = W - A.side - x;
    if (showStats) statsColumn(sh, { x: A.side, y: A.mainY, w: sideW }, A.mainH, body.stats.filter((p) => p.on).map((p) => p.id), d, body.legend);
    sh.rect(x, A.mainY + 1.5 * s, 1.6 * s, 7 * s, RED);
    const label = by === 'village' ? '各村脱贫进度' : '各乡镇脱贫进度';
    sh.textMid(x + 4 * s, A.mainY + 5 * s, w / 2, label, { size: 24 * s, bold: true });
    sh.textMid(x + w / 2, A.mainY + 5 * s, w / 2, `${rows.length} 个${by === 'village' ? '行政村' : '乡镇'} · ${figure(byStatus.exited.households + byStatus.unexited.households + byStatus.monitored.households)} 户 ${figure(persons)} 人`, { size: 15 * s, color: GREY, align: 'right' });
    const end = drawTable(sh, x, A.mainY + 10 * s, w, cols, rows.slice((n - 1) * per, n * per), st);
    if (by === 'village') sh.text(x, end + 1.5 * s, w, '★ 贫困村。发生率 = 未脱贫及监测人口 ÷ 户籍人口。', { size: 14 * s, color: GREY });
    pages.push(sh);
  }
  const missing: MissingGlyph[] = [];
  for (const r of rows) for (const char of missingChars(r.name)) missing.push({ char, name: r.name, household: '' });
  return { pages, sheets, missing };
}
