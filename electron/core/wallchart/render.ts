/**
 * Renders a template for a scope (a village, a township, the county) to PDF bytes, and reports
 * the characters the font could not draw with the name and household where they occur.
 */
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { renderSheets } from './pdfkit-sheets';
import { missingChars } from '../pdf/fonts';
import { loadSettings } from '../settings/service';
import { loadStatusRule } from '../roster/roster-service';
import type { MissingGlyph, TemplateBody } from '../../../shared/domain/wallchart';
import { villageChartData } from './chart-data';
import * as repo from './chart-repo';
import { villageChartDoc } from './village-pdf';
import { boardDoc } from './board-pdf';
import type { FrameText } from './sheet-frame';

export interface Scope {
  villageId?: string;
  villageCode?: string;
  townshipId?: string;
  townshipCode?: string;
}

export interface Rendered {
  pdf: Buffer;
  sheets: number;
  missing: MissingGlyph[];
}

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(county|township|village)\}/g, (_, k: string) => v[k] ?? '');

export async function renderTemplate(ctx: Ctx, body: TemplateBody, scope: Scope, opts: { signal?: AbortSignal } = {}): Promise<Rendered> {
  const settings = await loadSettings(ctx);
  const county = settings.county?.name ?? '';
  const status = await loadStatusRule(ctx);
  const dataDate = body.footer.dataDate ?? ctx.now().toISOString().slice(0, 10);
  const year = body.year ?? Number(dataDate.slice(0, 4));
  const base = { year, dataDate, sample: settings.sample, issuer: `${county}脱贫攻坚指挥部 统一设计模板` };

  if (body.level === 'village') {
    const v = await repo.readCharts(ctx.db, (r) => (scope.villageId ? r.villageById(scope.villageId) : scope.villageCode ? r.villageByCode(scope.villageCode) : undefined));
    if (!v) {
      if (scope.villageCode) throw new AppError('NOT_FOUND', 'wallchart.village.notFound', { code: scope.villageCode });
      throw new AppError('VALIDATION', 'wallchart.scope.village');
    }
    const names = { county, township: v.township_name, village: v.name };
    const data = await repo.readCharts(ctx.db, (r) => villageChartData(r, v, body, { county, dataDate, status }));
    opts.signal?.throwIfAborted();
    const text: FrameText = {
      ...base,
      title: fill(body.title, { ...names, village: `${county}${v.township_name}${v.name}` }).trim(),
      subtitle: fill(body.subtitle, names),
      unit: fill(body.footer.unit, names),
      contact: data.team?.dutyPhone ? `驻村工作队联系电话 ${data.team.dutyPhone}` : '',
    };
    const { pages, sheets, title, subject } = villageChartDoc(data, body, text, body.kind === 'pairingRegister');
    const missing = [...titleMissing(text), ...data.missing];
    return { pdf: await renderSheets(pages, { title, subject }, opts.signal), sheets, missing };
  }

  let townshipId: string | null = null;
  let township = '';
  if (body.level === 'township') {
    const t = await repo.readCharts(ctx.db, (r) => (scope.townshipId ? r.townshipBy('id', scope.townshipId) : scope.townshipCode ? r.townshipBy('code', scope.townshipCode) : undefined));
    if (!t) {
      if (scope.townshipCode) throw new AppError('NOT_FOUND', 'wallchart.township.notFound', { code: scope.townshipCode });
      throw new AppError('VALIDATION', 'wallchart.scope.township');
    }
    townshipId = t.id;
    township = t.name;
  }
  const names = { county, township, village: '' };
  const text: FrameText = {
    ...base,
    title: fill(body.title, { ...names, township: `${county}${township}` }).trim(),
    subtitle: fill(body.subtitle, names),
    unit: fill(body.footer.unit, names),
    contact: '',
  };
  const { pages, sheets, missing } = await repo.readCharts(ctx.db, (r) => boardDoc(r, body, text, townshipId, status));
  return { pdf: await renderSheets(pages, { title: text.title, subject: body.level === 'township' ? '乡镇脱贫攻坚进度图' : '全县脱贫攻坚总览图' }, opts.signal), sheets, missing: [...titleMissing(text), ...missing] };
}

function titleMissing(t: FrameText): MissingGlyph[] {
  return [...missingChars(t.title, 'Serif'), ...missingChars(`${t.subtitle}${t.unit}`)].map((char) => ({ char, name: '标题或制表单位', household: '' }));
}
