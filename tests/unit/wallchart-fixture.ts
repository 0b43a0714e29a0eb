/**
 * A sample village for the wall-chart tests and bench: households spread over 组, members with
 * ID numbers and phones (so masking can be checked), income, measures, pairings with cadres,
 * a village team. Org records go through the services; roster rows are written directly
 * (hundreds of them, quickly), with every column the chart reads.
 */
import type { App } from '../../electron/core/app/app';
import { checkChar } from '../../shared/rules/id-number';

const SURNAMES = [...'陈李刘王曾周罗谢邓彭唐肖何袁蒋申胡谭'];
const GIVEN = ['德明', '桂兰', '国华', '春生', '玉珍', '志强', '长生', '满秀', '福生', '光辉', '冬梅', '永红', '建军', '秀英', '小兰'];
const CAUSES = ['因病', '因病', '因残', '因学', '缺技术', '缺资金', '缺劳动力', '自身发展动力不足', '因灾'];
const ATTRS = ['一般贫困户', '一般贫困户', '一般贫困户', '低保贫困户', '特困供养贫困户'];
const MEASURES = ['家庭医生签约', '生猪养殖', '危房改造', '劳务输出', '小额信贷5万元', '技能培训', '公益岗位（保洁员）', '教育资助', '光伏分红', '油茶种植'];
const GROUP_NAMES = ['一组', '二组', '三组', '四组', '五组', '六组', '七组', '八组'];

export function testId(n: number, birthYear = 1960 + (n % 40)): string {
  // month, day and sequence together are unique for n < 336,000.
  const first17 = `430522${birthYear}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (Math.floor(n / 12) % 28)).padStart(2, '0')}${String(Math.floor(n / 336) % 1000).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

export interface FixtureVillage {
  villageId: string;
  villageCode: string;
  townshipId: string;
  /** Full ID number and phone of household 1's head, to prove they are not printed. */
  headId: string;
  headPhone: string;
  heads: string[];
}

export async function seedVillage(
  app: App,
  call: (name: never, input: never) => Promise<unknown>,
  opts: { households: number; code?: string; name?: string; townshipId: string; cadres?: number; rareName?: boolean },
): Promise<FixtureVillage> {
  const c = call as unknown as (name: string, input: unknown) => Promise<{ id: string }>;
  const code = opts.code ?? '430522100201';
  const village = await c('org.villages.save', { townshipId: opts.townshipId, code, name: opts.name ?? '长青村', isPoor: true, population: Math.max(1200, opts.households * 45) });
  const unit = await c('org.units.save', { name: `县交通运输局（${code.slice(-6)}）`, villageIds: [village.id] });
  const cadreIds: string[] = [];
  const nCadres = opts.cadres ?? Math.max(3, Math.ceil(opts.households / 4));
  for (let i = 0; i < nCadres; i++) {
    const female = i % 3 === 0;
    const n = Number(code.slice(-4)) * 100 + i;
    const first17 = `430522${1940 + ((Number(code.slice(-6)) % 97) % 50)}0${1 + (i % 9)}1${i % 10}${String(n % 100).padStart(2, '0')}${female ? 2 * (Math.floor(n / 100) % 5) : 2 * (Math.floor(n / 100) % 5) + 1}`;
    const cadre = await c('org.cadres.save', {
      name: `${SURNAMES[(i * 5) % SURNAMES.length]}${['建国', '志勇', '敏', '丽娟', '海波', '卫东', '雪梅', '长华'][i % 8]}${i >= 8 ? String.fromCharCode(0x4e00 + 0x100 + i) : ''}`,
      gender: female ? '女' : '男',
      idNumber: first17 + checkChar(first17),
      unit: ['县交通运输局', '县公路管理局', '酿溪镇人民政府', '县卫健局'][i % 4],
      post: ['副局长', '科员', '股长', '驻村干部'][i % 4],
      phone: `1397391${String(1000 + i).slice(-4)}`,
    });
    cadreIds.push(cadre.id);
  }
  await c('org.teams.save', { villageId: village.id, supportUnitId: unit.id, captainId: cadreIds[0], memberIds: cadreIds.slice(1, 3), termStart: '2016-03-01', termEnd: '2018-03-01' });

  const raw = app.db.raw;
  const at = '2017-04-30T00:00:00.000Z';
  const hIns = raw.prepare(
    `INSERT INTO household (id, number, village_id, group_name, attribute, main_cause, secondary_causes, identified_year, status, monitor_type, planned_exit_year, exit_year,
      dangerous_house, water_safe, water_difficult, reported_income_fen, phone, head_name, size, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, '', 2014, ?, '', ?, ?, ?, ?, '否', NULL, ?, ?, ?, ?, ?, '测试')`,
  );
  const pIns = raw.prepare(
    `INSERT INTO person (id, household_id, number, name, id_number, id_rev, relation, gender, birth_date, school_status, health, insured, phone, sort, created_at, updated_at, updated_by)
     VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, '测试')`,
  );
  const iIns = raw.prepare(`INSERT INTO income (id, household_id, year, production_fen, wage_fen, property_fen, transfer_fen, cost_fen, created_at, updated_at, updated_by) VALUES (?, ?, 2016, ?, ?, 0, ?, ?, ?, ?, '测试')`);
  const mIns = raw.prepare(`INSERT INTO measure (id, household_id, year, category, content, amount_fen, support_unit_id, date, created_at, updated_at, updated_by) VALUES (?, ?, 2017, ?, ?, NULL, NULL, '2017-03-01', ?, ?, '测试')`);
  const prIns = raw.prepare(`INSERT INTO pairing (id, cadre_id, household_id, start_date, end_date, created_at, updated_at, updated_by) VALUES (?, ?, ?, '2016-03-01', NULL, ?, ?, '测试')`);
  const heads: string[] = [];
  let headId = '';
  let headPhone = '';
  const groupSize = Math.max(5, Math.ceil(opts.households / Math.min(GROUP_NAMES.length, Math.max(1, Math.ceil(opts.households / 9)))));
  raw.transaction(() => {
    for (let i = 0; i < opts.households; i++) {
      const hid = `h-${code}-${i}`;
      const size = 1 + (i % 5);
      const status = i % 7 === 3 ? '预脱贫' : i % 2 === 0 ? '已脱贫(享受政策)' : '未脱贫';
      let head = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
      if (opts.rareName && i === 2) head = '𠮷德明';
      heads.push(head);
      const phone = `1380739${String(1000 + (i % 9000)).padStart(4, '0')}`;
      const group = GROUP_NAMES[Math.min(GROUP_NAMES.length - 1, Math.floor(i / groupSize))];
      hIns.run(hid, `${code}${String(i + 1).padStart(6, '0')}`, village.id, group, ATTRS[i % ATTRS.length], CAUSES[i % CAUSES.length], status, 2015 + (i % 5), status.startsWith('已脱贫') ? 2016 : null,
        i % 11 === 4 ? '是' : '否', i % 13 === 6 ? '否' : '是', phone, head, size, at, at);
      for (let k = 0; k < size; k++) {
        const id = testId((Number(code.slice(-4)) % 30) * 10000 + i * 10 + k + 1, k === 2 ? 2008 : 1960 + (i % 30));
        if (i === 0 && k === 0) {
          headId = id;
          headPhone = phone;
        }
        const name = k === 0 ? head : `${head[0]}${GIVEN[(i + k) % GIVEN.length]}`;
        pIns.run(`${hid}-p${k}`, hid, name, id, [...id].reverse().join(''), k === 0 ? '户主' : k === 1 ? '配偶' : '之子', k === 1 ? '女' : '男', `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
          k === 2 ? (i % 9 === 5 ? '非在校生' : '七至九年级') : '非在校生', k === 0 && i % 4 === 0 ? '长期慢性病' : '健康', i % 17 === 8 ? '否' : '是', k, at, at);
      }
      iIns.run(`${hid}-i`, hid, (200000 + (i * 7919) % 250000) * size, (150000 + (i * 104729) % 200000) * size, 50000 * size, 120000 * size, at, at);
      mIns.run(`${hid}-m1`, hid, '产业扶贫', MEASURES[i % MEASURES.length], at, at);
      mIns.run(`${hid}-m2`, hid, '就业扶贫', MEASURES[(i + 3) % MEASURES.length], at, at);
      prIns.run(`${hid}-pr`, cadreIds[i % cadreIds.length], hid, at, at);
    }
  })();
  return { villageId: village.id, villageCode: code, townshipId: opts.townshipId, headId, headPhone, heads };
}
