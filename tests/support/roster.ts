/**
 * A deterministic, roster-like table of Chinese text for the big-file tests: names (some with
 * characters outside the BMP, 4 bytes in UTF-8), ID numbers as text, addresses that are almost
 * all distinct, notes with XML-special characters, numbers and blanks. Regenerating with the
 * same seed gives the same rows, so a test can compare what it reads with what was written
 * without holding the source in memory.
 */
import { type Cell, type Row } from '../../electron/core/files/rows';
import { prng } from './prng';

export const ROSTER_HEADER = ['序号', '姓名', '性别', '身份证号', '与户主关系', '民族', '乡镇', '行政村', '住址', '备注', '年人均纯收入'];

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'艳双伟芳娜秀英敏静丽强磊军洋勇杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉娣叶璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓仪荷丹蓉眉君琴蕊薇菁梦岚苑馨韵融园艺咏卿聪澜纯毓悦昭冰爽茗羽希宁欣育滢馥筠柔竹凝晓欢霄枫芸菲寒伊亚宜可舒影'];
/** Characters outside the BMP (surrogate pairs in JS, 4 bytes in UTF-8), as found in real names. */
const RARE = ['𠮷', '𬌗', '𫟹', '𬘭', '𪨶'];
const RELATIONS = ['户主', '配偶', '之子', '之女', '之孙子', '之孙女', '之父', '之母', '儿媳', '其他'];
const NATIONS = ['汉族', '汉族', '汉族', '苗族', '瑶族', '土家族', '侗族', '回族'];
const TOWNSHIPS = ['永丰街道', '荷叶镇', '井字镇', '梓门桥镇', '杏子铺镇', '走马街镇', '三塘铺镇', '青树坪镇', '花门镇', '锁石镇', '甘棠镇', '沙塘乡', '印塘乡', '石牛乡', '金开街道'];
const VILLAGE_A = [...'新荷花竹石桥塘山湾坪冲田岭溪峰'];
const VILLAGE_B = [...'桥塘冲湾坪园岭村江口'];
const NOTES = ['因病致贫', '因残致贫', '因学致贫', '缺劳力', '缺技术 & 缺资金', '交通条件落后（<5km 无硬化路>）', '“两不愁三保障”已达标', 'A&B 合作社分红', ''];

export type RosterValue = string | number | null;

/** Rows of the roster (without the header), from the same seed always the same. */
export function* rosterRows(count: number, seed = 42): Generator<RosterValue[]> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  for (let i = 0; i < count; i++) {
    const given = rnd() < 0.004 ? pick(RARE) + pick(GIVEN) : rnd() < 0.6 ? pick(GIVEN) + pick(GIVEN) : pick(GIVEN);
    const town = pick(TOWNSHIPS);
    const village = `${pick(VILLAGE_A)}${pick(VILLAGE_B)}村`;
    const year = 1930 + Math.floor(rnd() * 85);
    const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    const seq = String(Math.floor(rnd() * 1000)).padStart(3, '0');
    const id = `430522${year}${month}${day}${seq}${pick([...'0123456789X'])}`;
    const note = pick(NOTES);
    yield [
      i + 1,
      pick(SURNAMES) + given,
      rnd() < 0.5 ? '男' : '女',
      id,
      pick(RELATIONS),
      pick(NATIONS),
      town,
      village,
      `${town}${village}${1 + Math.floor(rnd() * 30)}组${1 + Math.floor(rnd() * 200)}号`,
      note === '' ? null : note,
      Math.round(rnd() * 2_000_000) / 100,
    ];
  }
}

/** What a reader should give back for these values: strings, numbers, empties, trailing empties dropped. */
export function expectedCells(values: readonly (string | number | boolean | null)[]): Cell[] {
  const cells: Cell[] = values.map((v): Cell => {
    if (v === null || v === '') return { kind: 'empty', text: '' };
    if (typeof v === 'number') return { kind: 'number', text: String(v), number: v };
    if (typeof v === 'boolean') return { kind: 'boolean', text: v ? 'TRUE' : 'FALSE' };
    return { kind: 'string', text: v };
  });
  while (cells.length > 0 && cells[cells.length - 1].kind === 'empty') cells.pop();
  return cells;
}

/** Collects all rows of an iterable (small files only). */
export async function collect(rows: AsyncIterable<Row>): Promise<Row[]> {
  const out: Row[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/** Just the texts of the rows, for compact assertions. */
export const texts = (rows: Row[]) => rows.map((r) => r.cells.map((c) => c.text));
