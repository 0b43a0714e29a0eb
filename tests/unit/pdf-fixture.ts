/**
 * A village for the PDF tests, entered through the real services: the design reference's
 * household (陈德明, design/household-card-A4.*: 5 members, 2016 income, six 2017 measures,
 * a paired cadre, a C-grade dangerous house) and a second household whose head's name has a
 * character outside the bundled font (𠮷).
 */
import { idNumber, xinshaoApp } from './helpers/app';

export const IDS = {
  head: idNumber('19650203', '05', 1),
  wife: idNumber('19690611', '06', 2),
  son: idNumber('19940105', '03', 3),
  daughter: idNumber('20030308', '02', 4),
  mother: idNumber('19420501', '04', 2),
  rareHead: idNumber('19700101', '11', 1),
  rareWife: idNumber('19720202', '12', 2),
};

function member(name: string, id: string, relation: string, over: Record<string, unknown> = {}) {
  return { number: '', name, idNumber: id, relation, ethnicity: '汉族', education: '小学', schoolStatus: '非在校生', health: '健康', skill: '普通劳动力', workStatus: '', workMonths: null, insured: '是' as const, phone: '', ...over };
}

/** `dir`: build it in this data folder (e2e tests hand it to the preview server afterwards). */
export async function cardVillage(dir?: string) {
  const t = await xinshaoApp({ now: () => new Date('2017-04-28T08:00:00+08:00'), ...(dir ? { dir } : {}) } as Parameters<typeof xinshaoApp>[0]);
  const village = await t.call('org.villages.save', { townshipId: t.byCode('430522100').id, code: '430522100201', name: '长青村', isPoor: true, population: 1836 });
  const units = new Map<string, string>();
  for (const name of ['县卫计局', '县教育局', '县畜牧水产局', '县农村信用社', '县人社局', '县住建局']) units.set(name, (await t.call('org.units.save', { name, villageIds: [village.id] })).id);
  const cadre = await t.call('org.cadres.save', { name: '刘建国', gender: '男', idNumber: idNumber('19700808', '21', 1, '430501'), unit: '新邵县交通运输局', post: '副局长', phone: '13800001234' });
  await t.call('roster.lines.save', { year: 2016, amountFen: 295_200 });
  const base = {
    villageId: village.id,
    attribute: '一般贫困户',
    identifiedYear: 2014,
    monitorType: '',
    exitYear: null,
    waterSafe: '是' as const,
    waterDifficult: '否' as const,
  };
  const h1 = await t.call('roster.household.save', {
    ...base,
    number: '430522100201000001',
    groupName: '一组',
    mainCause: '因病',
    secondaryCauses: ['缺资金'],
    status: '未脱贫',
    plannedExitYear: 2017,
    dangerousHouse: '是',
    phone: '13907395678',
    members: [
      member('陈德明', IDS.head, '户主', { health: '长期慢性病' }),
      member('李秀英', IDS.wife, '配偶'),
      member('陈伟', IDS.son, '之子', { skill: '技能劳动力', education: '高中' }),
      member('陈小梅', IDS.daughter, '之女', { skill: '无劳动力', schoolStatus: '七至九年级' }),
      member('王桂香', IDS.mother, '母亲', { health: '长期慢性病', skill: '丧失劳动力', education: '文盲或半文盲' }),
    ],
  });
  await t.call('roster.income.save', { householdId: h1.id, year: 2016, wageFen: 840_000, productionFen: 360_000, propertyFen: 12_000, transferFen: 186_000, costFen: 140_000 });
  const measures: [string, string, number, string, string][] = [
    ['健康扶贫', '代缴新农合5人；家庭医生签约；办慢病卡', 75_000, '县卫计局', '2017-02-20'],
    ['教育扶贫', '陈小梅义务教育寄宿生生活补助（春季）', 50_000, '县教育局', '2017-03-01'],
    ['产业扶贫', '生猪养殖：购仔猪补助5头', 200_000, '县畜牧水产局', '2017-03-15'],
    ['金融扶贫', '扶贫小额信贷3万元，3年期，财政贴息', 3_000_000, '县农村信用社', '2017-03-28'],
    ['就业扶贫', '陈伟参加电工技能培训，推荐赴广东务工', 120_000, '县人社局', '2017-04-10'],
    ['危房改造', 'C级危房维修加固，已立项，待施工', 1_500_000, '县住建局', '2017-04-25'],
  ];
  for (const [category, content, amountFen, unit, date] of measures)
    await t.call('roster.measure.save', { householdId: h1.id, year: 2017, category, content, amountFen, supportUnitId: units.get(unit)!, date });
  await t.call('roster.pairing.save', { householdId: h1.id, cadreId: cadre.id, startDate: '2016-03-01', endDate: null });
  const h2 = await t.call('roster.household.save', {
    ...base,
    number: '430522100201000002',
    groupName: '二组',
    mainCause: '缺技术',
    secondaryCauses: [],
    status: '已脱贫(享受政策)',
    plannedExitYear: 2016,
    dangerousHouse: '否',
    phone: '',
    members: [member('王𠮷祥', IDS.rareHead, '户主'), member('赵春华', IDS.rareWife, '配偶')],
  });
  return { ...t, village, h1, h2, cadre };
}
