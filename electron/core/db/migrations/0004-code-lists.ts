import type { Migration } from '../migrate';

/**
 * Default code lists and poverty lines (domain.md §2–3). Offices edit them in 设置; this
 * migration only seeds them once. Ids are `list:name`, stable across workstations.
 */
const LISTS: Record<string, string[]> = {
  cause: ['因病', '因残', '因学', '因灾', '缺土地', '缺水', '缺技术', '缺劳动力', '缺资金', '交通条件落后', '自身发展动力不足', '因婚', '因丧', '其他'],
  attribute: ['一般贫困户', '低保贫困户', '特困供养贫困户', '五保贫困户', '分散供养五保户', '集中供养五保户'],
  status: ['未脱贫', '已脱贫(享受政策)', '已脱贫(不再享受政策)', '返贫', '注销', '监测对象', '新识别', '预脱贫'],
  monitorType: ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'],
  relation: ['户主', '配偶', '之子', '之女', '儿媳', '女婿', '孙子', '孙女', '外孙子', '外孙女', '父亲', '母亲', '岳父', '岳母', '公公', '婆婆', '祖父', '祖母', '兄弟姐妹', '其他'],
  ethnicity: [
    '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
    '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
    '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
    '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
    '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
  ],
  education: ['文盲或半文盲', '小学', '初中', '高中', '大专及以上', '学龄前儿童'],
  school: ['非在校生', '学前教育', '小学', '七至九年级', '高中', '中职', '高职', '大专及以上'],
  health: ['健康', '长期慢性病', '大病', '残疾'],
  skill: ['普通劳动力', '技能劳动力', '丧失劳动力', '无劳动力'],
  work: ['乡(镇)内', '乡外县内', '县外省内', '省外', '其他'],
  measure: ['产业扶贫', '就业扶贫', '易地扶贫搬迁', '公益岗位', '教育扶贫', '健康扶贫', '危房改造', '金融扶贫', '生活条件改善', '综合保障/兜底', '生态扶贫', '其他'],
};

/** Yuan per person per year; other years are entered by the office. */
const LINES: [number, number][] = [
  [2014, 2800],
  [2015, 2855],
  [2016, 2952],
  [2017, 2952],
  [2019, 3218],
  [2020, 4000],
  [2021, 4000],
];

export const m0004: Migration = {
  version: 4,
  name: 'default code lists and poverty lines',
  up: (db) => {
    const at = '2026-11-25T00:00:00.000Z';
    const item = db.prepare(
      'INSERT INTO code_item (id, list, code, name, sort, active, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)',
    );
    for (const [list, names] of Object.entries(LISTS)) {
      names.forEach((name, i) => item.run(`${list}:${name}`, list, String(i + 1).padStart(2, '0'), name, i + 1, at, at, '系统'));
    }
    const line = db.prepare('INSERT INTO poverty_line (year, amount_fen, updated_at, updated_by) VALUES (?, ?, ?, ?)');
    for (const [year, yuan] of LINES) line.run(year, yuan * 100, at, '系统');
  },
};
