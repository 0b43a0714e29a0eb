/**
 * A deterministic synthetic county in the national roster layout (one row per person), for
 * tests and benches. Every name is invented; ID numbers are valid and unique.
 */
import { checkChar } from '../../shared/rules/id-number';
import { DEFAULT_COUNTY } from '../../shared/domain/org';
import { prng } from './prng';

export const NATIONAL_HEADERS = [
  '行政县', '乡镇', '行政村', '自然村', '户编号', '人编号', '姓名', '证件号码', '人数', '与户主关系', '民族', '文化程度',
  '在校生状况', '健康状况', '劳动技能', '务工状况', '务工时间', '参加大病医疗', '脱贫属性', '脱贫年度', '贫困户属性',
  '主要致贫原因', '危房户', '饮水安全', '饮水困难', '人均纯收入', '联系电话',
];

const SURNAMES = '刘李陈王张曾周罗谢邓彭唐肖何蒋黄赵吴孙胡朱高林郭马罗梁宋郑韩冯于董萧程曹袁许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN_M = ['建国', '志强', '德明', '国庆', '卫东', '文斌', '春生', '海龙', '永福', '光荣', '伟', '军', '勇', '斌', '桂林', '红兵', '新华', '长青', '湘江', '邵峰'];
const GIVEN_F = ['红梅', '海燕', '秀英', '丽', '玉兰', '春华', '桂芝', '艳双', '翠花', '冬梅', '小芳', '美玲', '淑珍', '娟', '湘云', '慧敏'];
const CAUSES = ['因病', '因残', '因学', '缺技术', '缺劳动力', '缺资金', '自身发展动力不足', '因灾'];
const ATTRS = ['一般贫困户', '一般贫困户', '一般贫困户', '低保贫困户', '特困供养贫困户'];
const STATUS = ['已脱贫(享受政策)', '已脱贫(享受政策)', '未脱贫', '已脱贫(不再享受政策)'];
const VILLAGES = ['长青', '枫林', '石桥', '桃花', '龙潭', '白水', '新塘', '竹山', '金鸡', '青山', '和平', '柳溪', '杉木', '高峰', '双江', '黄泥', '清水', '荷叶', '樟树', '茶园'];

export interface CountyOptions {
  households: number;
  seed?: number;
  villagesPerTownship?: number;
}

/** Yields data rows (no header) in household order: ≈3.17 persons per household. */
export function* countyRows(opts: CountyOptions): Generator<string[]> {
  const rand = prng(opts.seed ?? 20171);
  const perTownship = opts.villagesPerTownship ?? 20;
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  // Unique, valid ID numbers: a counter per birth year and gender spread over the date, the
  // 2-digit sequence and the gender digit (168,000 combinations per year and gender).
  const perYear = new Map<string, number>();
  const uniqueId = (male: boolean, year: number) => {
    const key = `${year}${male}`;
    const k = perYear.get(key) ?? 0;
    perYear.set(key, k + 1);
    const day = k % 28;
    const month = Math.floor(k / 28) % 12;
    const seq = Math.floor(k / 336) % 100;
    const d = Math.floor(k / 33600) % 5;
    const first17 = `430522${year}${String(month + 1).padStart(2, '0')}${String(day + 1).padStart(2, '0')}${String(seq).padStart(2, '0')}${male ? 2 * d + 1 : 2 * d}`;
    return first17 + checkChar(first17);
  };
  for (let h = 0; h < opts.households; h++) {
    const t = DEFAULT_COUNTY.townships[h % DEFAULT_COUNTY.townships.length];
    const v = Math.floor(h / DEFAULT_COUNTY.townships.length) % perTownship;
    const village = `${VILLAGES[v % VILLAGES.length]}${v >= VILLAGES.length ? Math.floor(v / VILLAGES.length) + 1 : ''}村`;
    const number = `${t.code}${String(v + 201).padStart(3, '0')}${String(h).padStart(6, '0')}`;
    const r = rand();
    const size = r < 0.12 ? 1 : r < 0.3 ? 2 : r < 0.55 ? 3 : r < 0.8 ? 4 : r < 0.95 ? 5 : 6;
    const surname = SURNAMES[Math.floor(rand() * SURNAMES.length)];
    const status = pick(STATUS);
    const exitYear = status.startsWith('已脱贫') ? String(2016 + Math.floor(rand() * 4)) : '';
    const income = (3000 + Math.floor(rand() * 9000)).toLocaleString('en-US') + (rand() < 0.3 ? '元' : '');
    const house = [
      '新邵县',
      t.name,
      village,
      `${1 + Math.floor(rand() * 9)}组`,
      number,
    ];
    const tail = [status, exitYear, pick(ATTRS), pick(CAUSES), rand() < 0.1 ? '是' : '否', rand() < 0.9 ? '是' : '否', rand() < 0.05 ? '是' : '否', income, `139${String(7000000 + h).padStart(8, '0')}`];
    const headYear = 1940 + Math.floor(rand() * 45);
    for (let m = 0; m < size; m++) {
      const head = m === 0;
      const spouse = m === 1 && size > 2;
      const male = head ? true : spouse ? false : rand() < 0.5;
      const relation = head ? '户主' : spouse ? '配偶' : male ? '之子' : '之女';
      const birthYear = head || spouse ? headYear : Math.min(2015, headYear + 20 + Math.floor(rand() * 10));
      const name = head || male ? surname + pick(GIVEN_M) : (spouse ? SURNAMES[Math.floor(rand() * SURNAMES.length)] : surname) + pick(GIVEN_F);
      const worker = !head && birthYear < 2000 && rand() < 0.6;
      yield [
        ...house,
        `${number}${String(m + 1).padStart(2, '0')}`,
        name,
        uniqueId(male, birthYear),
        String(size),
        relation,
        rand() < 0.9 ? '汉族' : '苗族',
        pick(['小学', '初中', '高中', '文盲或半文盲']),
        birthYear > 2003 ? '小学' : '非在校生',
        pick(['健康', '健康', '健康', '长期慢性病', '残疾']),
        pick(['普通劳动力', '普通劳动力', '丧失劳动力', '无劳动力']),
        worker ? pick(['乡(镇)内', '县外省内', '省外']) : '',
        worker ? String(1 + Math.floor(rand() * 12)) : '',
        '是',
        ...tail,
      ];
    }
  }
}
