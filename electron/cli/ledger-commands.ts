/** `ledger list [--overdue] [--json]` and `ledger export FILE [--overdue]` (xlsx or pdf by extension). */
import path from 'node:path';
import type { App } from '../core/app/app';
import { listLedger } from '../core/ledger/ledger-service';
import { STATUS_ZH } from '../../shared/ledger/state';
import { UsageError } from './main';
import type { CommandResult } from './commands';
import type { LedgerView } from '../../shared/domain/ledger';

export async function ledgerCommand(app: App, args: string[], overdue: boolean): Promise<CommandResult> {
  const view: LedgerView = overdue ? 'overdue' : 'all';
  const [sub, file] = args;
  if (sub === 'list') return ledgerList(app, view);
  if (sub === 'export') {
    if (!file) throw new UsageError('ledger export 需要文件路径（.xlsx 或 .pdf）');
    return ledgerExport(app, path.resolve(file), view);
  }
  throw new UsageError('ledger 的子命令为 list 或 export');
}

async function ledgerList(app: App, view: LedgerView): Promise<CommandResult> {
  const l = await listLedger(app.ctx(), { view });
  const { SOURCE_ZH, VIEW_ZH } = await import('../core/ledger/ledger-export');
  const lines = [`整改台账（${VIEW_ZH[view]}）共 ${l.items.length} 条，今天 ${l.today}；已逾期 ${l.counts.overdue} 条，10 日内到期 ${l.counts.due10} 条，已销号 ${l.counts.closed} 条`];
  for (const i of l.items) {
    const late = i.status !== 'closed' && i.deadline < l.today ? '【逾期】' : '';
    lines.push(`${i.seq}. [${STATUS_ZH[i.status]}]${late} ${i.category}｜${i.description}｜责任单位 ${i.responsibleUnit}${i.responsiblePerson ? `（${i.responsiblePerson}）` : ''}｜时限 ${i.deadline}`);
  }
  return {
    json: {
      view,
      today: l.today,
      counts: l.counts,
      items: l.items.map((i) => ({
        seq: i.seq,
        status: i.status,
        statusText: STATUS_ZH[i.status],
        source: `${SOURCE_ZH[i.sourceKind]}：${i.sourceText}`,
        category: i.category,
        description: i.description,
        measures: i.measures,
        leadUnit: i.leadUnit,
        responsibleUnit: i.responsibleUnit,
        responsiblePerson: i.responsiblePerson,
        deadline: i.deadline,
        overdue: i.status !== 'closed' && i.deadline < l.today,
        closedDate: i.closedDate,
        lastProgress: i.lastProgress,
        evidenceCount: i.evidenceCount,
      })),
    },
    text: lines.join('\n'),
  };
}

async function ledgerExport(app: App, file: string, view: LedgerView): Promise<CommandResult> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.pdf') throw new UsageError('ledger export 的文件应以 .xlsx 或 .pdf 结尾');
  const l = await listLedger(app.ctx(), { view });
  const county = (await app.status()).county?.name ?? '';
  const ec = { county, view, today: l.today, filterText: '' };
  const { exportLedgerXlsx, ledgerPdf, VIEW_ZH } = await import('../core/ledger/ledger-export');
  const { writeFileAtomic } = await import('../core/files/atomic-write');
  let missing: { seq: number; column: string; chars: string[] }[] = [];
  if (ext === '.xlsx') await exportLedgerXlsx(file, l.items, ec);
  else {
    const r = await ledgerPdf(l.items, ec);
    missing = r.missing;
    await writeFileAtomic(file, r.pdf);
  }
  const lines = [`已导出整改台账（${VIEW_ZH[view]}）${l.items.length} 条到 ${file}`];
  for (const m of missing) lines.push(`注意：第 ${m.seq} 号问题的「${m.column}」含字体无法显示的字（${m.chars.join('')}），PDF 中以 〓 代替`);
  return { json: { file, view, rows: l.items.length, missing }, text: lines.join('\n') };
}
