/**
 * The synthetic county written the way a real national export (and the township sheets made
 * from it) writes it, not the way our own export does:
 * - household fields on the head's row only for some households (blank on member rows), the
 *   phone on the head's row only everywhere;
 * - the 2017-era status 「已脱贫」 (before 享受政策 / 不再享受政策) and township sheets' 「五保户」;
 * - headers with units and other spellings: 「家庭人均纯收入(元)」, 「人数（人）」, 「身份证号码」;
 * - amounts as text with thousands separators and 元 (「3,200元」);
 * - an extra 备注 column nobody maps.
 * Also returns what the home page must then show, counted from the rows themselves.
 */
import { countyRows, NATIONAL_HEADERS, type CountyOptions } from './synthetic-county';

const HEADER_SPELLINGS: Record<string, string> = {
  人均纯收入: '家庭人均纯收入(元)',
  人数: '人数（人）',
  证件号码: '身份证号码',
  脱贫属性: '脱贫属性',
};

/** Household-level columns of the national layout (blank on member rows where the export leaves them). */
const HOUSEHOLD_COLUMNS = ['人数', '脱贫属性', '脱贫年度', '贫困户属性', '主要致贫原因', '危房户', '饮水安全', '饮水困难', '人均纯收入', '联系电话'];

export interface RealisticExport {
  headers: string[];
  rows: string[][];
  expected: { households: number; persons: number; exited: number; remaining: number };
}

export function realisticExport(opts: CountyOptions): RealisticExport {
  const col = (h: string) => NATIONAL_HEADERS.indexOf(h);
  const rows = [...countyRows(opts)].map((r) => [...r, '']);
  const byHousehold = new Map<string, string[][]>();
  for (const r of rows) {
    const list = byHousehold.get(r[col('户编号')]) ?? [];
    list.push(r);
    byHousehold.set(r[col('户编号')], list);
  }
  let exited = 0;
  let k = 0;
  for (const members of byHousehold.values()) {
    const head = members[0];
    if (head[col('脱贫属性')].startsWith('已脱贫')) exited++;
    for (const r of members) {
      if (r[col('脱贫属性')].startsWith('已脱贫')) r[col('脱贫属性')] = '已脱贫';
      if (r[col('贫困户属性')] === '特困供养贫困户') r[col('贫困户属性')] = '五保户';
      const income = r[col('人均纯收入')];
      if (income && !income.includes('元')) r[col('人均纯收入')] = `${income}元`;
    }
    // Every third household: all household fields only on the head's row; the phone never on members.
    for (const r of members.slice(1)) {
      r[col('联系电话')] = '';
      if (k % 3 === 0) for (const h of HOUSEHOLD_COLUMNS) r[col(h)] = '';
    }
    if (k % 7 === 0) head[NATIONAL_HEADERS.length] = '2019年危房改造已验收';
    k++;
  }
  const households = byHousehold.size;
  return {
    headers: [...NATIONAL_HEADERS.map((h) => HEADER_SPELLINGS[h] ?? h), '备注'],
    rows,
    expected: { households, persons: rows.length, exited, remaining: households - exited },
  };
}
