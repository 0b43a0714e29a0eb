/**
 * Sample ledger items and a sample month of tasks for seed-demo (the folder is already marked
 * as sample data). Items are created through the service with the clock set back, as if entered
 * weeks ago, so some are overdue today; all rules apply as for real entries.
 */
import type { Ctx } from '../context';
import { addProgress, createLedgerItem, transitionLedgerItem } from './ledger-service';
import { markDone, saveTask } from './monthly-service';
import { addDays, localDay } from '../../../shared/ledger/views';
import type { LedgerItemInput } from '../../../shared/domain/ledger';

const PROBLEMS: [category: string, description: string, measures: string][] = [
  ['精准识别', '部分农户家庭收入核算漏计务工收入，识别依据不充分', '逐户重新核算家庭收入，按程序评议公示'],
  ['精准退出', '个别脱贫户“两不愁三保障”佐证资料不全', '补齐入户核查表和佐证照片，村组签字确认'],
  ['精准帮扶', '帮扶手册填写不规范，帮扶措施与实际不符', '组织帮扶责任人逐户更新帮扶手册'],
  ['政策落实', '部分在校学生未享受教育资助政策', '对照学籍信息逐一核对，补发资助资金'],
  ['资金使用', '产业扶贫项目资金拨付滞后', '倒排工期，督促项目实施单位加快报账'],
  ['作风问题', '驻村工作队员在岗天数不足', '严格执行考勤制度，每月通报在岗情况'],
  ['政策落实', '危房改造户竣工验收不及时', '组织住建部门集中验收'],
  ['精准帮扶', '易地搬迁户后续产业帮扶措施不明确', '制定一户一策后续帮扶计划'],
];

export async function seedSampleLedger(ctx: Ctx, townships: string[], units: string[]): Promise<{ items: number; tasks: number }> {
  const today = localDay(ctx.now());
  const ago = (days: number): Ctx => ({ ...ctx, now: () => new Date(ctx.now().getTime() - days * 86_400_000) });
  let n = 0;
  for (const [i, [category, description, measures]] of PROBLEMS.entries()) {
    const createdDaysAgo = 40 - i * 3;
    const c = ago(createdDaysAgo);
    const created = localDay(c.now());
    // Deadlines spread around today: the first three are past, the rest within the next weeks.
    const deadline = addDays(today, -12 + i * 4) < created ? created : addDays(today, -12 + i * 4);
    const input: LedgerItemInput = {
      sourceKind: i % 3 === 0 ? 'inspection' : i % 3 === 1 ? 'self_check' : 'notice',
      sourceText: i % 3 === 0 ? '示例：第三季度督查考核' : i % 3 === 1 ? '示例：乡镇自查' : '示例：市扶贫办通报',
      category,
      description,
      measures,
      leadUnit: '县扶贫开发领导小组办公室',
      responsibleUnit: townships[i % townships.length] ?? units[0] ?? '县扶贫办',
      responsiblePerson: ['刘建国', '陈红梅', '王志强', '李海燕'][i % 4],
      deadline,
    };
    const item = await createLedgerItem(c, input);
    n++;
    if (i >= 2) await transitionLedgerItem(ago(createdDaysAgo - 1), { id: item.id, to: 'in_progress' });
    if (i >= 2) await addProgress(ago(createdDaysAgo - 2), item.id, '已召开专题会议部署整改，正在逐户核实');
    if (i === 4 || i === 5) {
      await transitionLedgerItem(ago(3), { id: item.id, to: 'awaiting_check', note: '整改已完成，申请验收' });
    }
    if (i === 5) {
      await transitionLedgerItem(ago(1), { id: item.id, to: 'closed', verification: { note: '抽查 5 户，整改到位', by: '县督查组', date: localDay(ago(1).now()) } });
    }
  }
  const month = today.slice(0, 7);
  const first = `${month}-01`;
  const tasks: [string, string, number][] = [
    ['完成本月帮扶手册更新', townships[0] ?? '酿溪镇', 10],
    ['上报产业扶贫项目进度', townships[1] ?? '严塘镇', 15],
    ['组织政策宣讲进村入户', townships[2] ?? '雀塘镇', 20],
    ['核查危房改造竣工户', townships[3] ?? '陈家坊镇', 25],
    ['落实教育资助资金发放', units[2] ?? '县教育局', 20],
    ['开展家庭医生签约回访', units[3] ?? '县卫生健康局', 28],
  ];
  let t = 0;
  for (const [k, [title, unit, day]] of tasks.entries()) {
    const deadline = `${month}-${String(day).padStart(2, '0')}`;
    const task = await saveTask({ ...ctx, now: () => new Date(`${first}T09:00:00`) }, { month, title, unit, deadline });
    t++;
    // Tasks whose deadline has passed: most done (one late), one left open.
    if (deadline < today && k !== 1) {
      const doneDay = k === 2 ? addDays(deadline, 2) : addDays(deadline, -1);
      if (doneDay <= today) await markDone(ctx, task.id, '已按要求完成（示例）', doneDay);
    }
  }
  return { items: n, tasks: t };
}
