/**
 * The national poverty-information-system roster export (贫困人口花名册): one row per person,
 * rows grouped by household number. Headers vary between counties and years, so each field
 * has its canonical header (what our export writes) and the aliases seen in the wild.
 */

export type FieldKey =
  | 'county'
  | 'township'
  | 'village'
  | 'group'
  | 'householdNumber'
  | 'personNumber'
  | 'name'
  | 'idNumber'
  | 'size'
  | 'relation'
  | 'ethnicity'
  | 'education'
  | 'schoolStatus'
  | 'health'
  | 'skill'
  | 'workStatus'
  | 'workMonths'
  | 'insured'
  | 'status'
  | 'exitYear'
  | 'attribute'
  | 'mainCause'
  | 'dangerousHouse'
  | 'waterSafe'
  | 'waterDifficult'
  | 'income'
  | 'phone'
  | 'personPhone'
  | 'identifiedYear'
  | 'monitorType';

export interface LayoutField {
  key: FieldKey;
  header: string;
  aliases: string[];
  /** Household fields repeat on every member's row; the county column is informational. */
  level: 'household' | 'person' | 'info';
  required?: boolean;
  /** The code list its values come from (see the code_item table), if any. */
  list?: string;
}

export const LAYOUT: LayoutField[] = [
  { key: 'county', header: '行政县', aliases: ['县', '县(市、区)', '所属县', '县(区)', '县区'], level: 'info' },
  { key: 'township', header: '乡镇', aliases: ['乡(镇)', '乡镇(街道)', '所属乡镇', '乡镇名称'], level: 'household', required: true },
  { key: 'village', header: '行政村', aliases: ['村', '村(社区)', '所属行政村', '行政村名称', '村名'], level: 'household', required: true },
  { key: 'group', header: '自然村', aliases: ['组', '自然村(组)', '村民小组', '自然村名称'], level: 'household' },
  { key: 'householdNumber', header: '户编号', aliases: ['户编码', '户号', '贫困户编号'], level: 'household', required: true },
  { key: 'personNumber', header: '人编号', aliases: ['人员编号', '人编码', '成员编号'], level: 'person' },
  { key: 'name', header: '姓名', aliases: ['成员姓名', '人员姓名'], level: 'person', required: true },
  { key: 'idNumber', header: '证件号码', aliases: ['身份证号码', '身份证号', '公民身份号码', '身份证', '证件号'], level: 'person', required: true },
  { key: 'size', header: '人数', aliases: ['家庭人口数', '户人数', '家庭人口', '家庭人数'], level: 'household' },
  { key: 'relation', header: '与户主关系', aliases: ['与户主的关系', '关系'], level: 'person', required: true, list: 'relation' },
  { key: 'ethnicity', header: '民族', aliases: [], level: 'person', list: 'ethnicity' },
  { key: 'education', header: '文化程度', aliases: ['学历'], level: 'person', list: 'education' },
  { key: 'schoolStatus', header: '在校生状况', aliases: ['在校生情况', '在校情况'], level: 'person', list: 'school' },
  { key: 'health', header: '健康状况', aliases: ['健康情况'], level: 'person', list: 'health' },
  { key: 'skill', header: '劳动技能', aliases: ['劳动能力'], level: 'person', list: 'skill' },
  { key: 'workStatus', header: '务工状况', aliases: ['务工情况', '务工地点'], level: 'person', list: 'work' },
  { key: 'workMonths', header: '务工时间', aliases: ['务工时间(月)', '务工月数', '务工时间（月）'], level: 'person' },
  { key: 'insured', header: '参加大病医疗', aliases: ['是否参加大病保险', '参加大病保险', '是否参加大病医疗'], level: 'person' },
  { key: 'status', header: '脱贫属性', aliases: ['脱贫状态', '贫困户状态', '户状态'], level: 'household', list: 'status' },
  { key: 'exitYear', header: '脱贫年度', aliases: ['脱贫年份', '脱贫时间'], level: 'household' },
  { key: 'attribute', header: '贫困户属性', aliases: ['户属性', '贫困户类型'], level: 'household', list: 'attribute' },
  { key: 'mainCause', header: '主要致贫原因', aliases: ['致贫原因'], level: 'household', list: 'cause' },
  { key: 'dangerousHouse', header: '危房户', aliases: ['是否危房户', '危房'], level: 'household' },
  { key: 'waterSafe', header: '饮水安全', aliases: ['是否解决安全饮用水', '饮水是否安全', '安全饮水'], level: 'household' },
  { key: 'waterDifficult', header: '饮水困难', aliases: ['是否饮水困难'], level: 'household' },
  { key: 'income', header: '人均纯收入', aliases: ['家庭人均纯收入', '人均纯收入(元)', '人均收入'], level: 'household' },
  { key: 'phone', header: '联系电话', aliases: ['户联系电话', '电话', '联系方式'], level: 'household' },
  { key: 'personPhone', header: '人联系电话', aliases: ['个人联系电话', '本人电话'], level: 'person' },
  { key: 'identifiedYear', header: '首次识别时间', aliases: ['识别年度', '识别时间', '识别年份'], level: 'household' },
  { key: 'monitorType', header: '监测对象类型', aliases: ['监测类型'], level: 'household', list: 'monitorType' },
];

export const FIELD = Object.fromEntries(LAYOUT.map((f) => [f.key, f])) as Record<FieldKey, LayoutField>;

/** What our export writes: the 27 classic columns plus the later ones we hold data for. */
export const EXPORT_FIELDS: FieldKey[] = LAYOUT.map((f) => f.key);

/**
 * A unit written after a header, as exports add them: 「家庭人均纯收入(元)」, 「人数(人)」,
 * 「务工时间（月）」, 「耕地面积(单位：亩)」. A unit that changes the value (万元) is not one of these:
 * such a header stays unmatched and is flagged for the user (see mappingCheck).
 */
const UNIT_SUFFIX = /\((?:单位[:：]?)?(?:元|元\/人|元\/年|元\/人\/年|人|户|亩|月|个月|年|岁|个|间|平方米|㎡|m2|%)\)$/;

/**
 * Header text as compared: no spaces or line breaks, half-width brackets, no required-marks,
 * no trailing unit.
 */
export function normaliseHeader(h: string): string {
  const s = h
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/^[*＊]+|[*＊]+$/g, '');
  return s.replace(UNIT_SUFFIX, '').replace(/^[*＊]+|[*＊]+$/g, '');
}

const BY_HEADER = new Map<string, FieldKey>();
for (const f of LAYOUT) for (const h of [f.header, ...f.aliases]) BY_HEADER.set(normaliseHeader(h), f.key);

export function fieldForHeader(h: string): FieldKey | undefined {
  return BY_HEADER.get(normaliseHeader(h));
}

/**
 * The field an unmatched header looks like: it contains a known header or alias (of at least
 * three characters), or is contained in one — 「家庭年人均纯收入」, 「人均纯收入(万元)」, 「户主身份证号码」.
 * Such a column is not imported silently: the user maps it or confirms it is left out.
 */
export function fieldLookingLike(h: string): FieldKey | undefined {
  const n = normaliseHeader(h).replace(/\(.*?\)/g, '');
  if (n.length < 2) return undefined;
  // Best: the header is a known one; then the longest known header it contains; then the
  // shortest known header containing it.
  let best: { key: FieldKey; score: number } | undefined;
  for (const [known, key] of BY_HEADER) {
    const k = known.replace(/\(.*?\)/g, '');
    if (k.length < 3 && n !== k) continue;
    const score = n === k ? 1000 : n.includes(k) ? 100 + k.length : n.length >= 3 && k.includes(n) ? 50 - k.length : 0;
    if (score > 0 && (!best || score > best.score)) best = { key, score };
  }
  return best?.key;
}

/** Fields the 疑点核查 rules read: an import without them leaves those checks blind. */
export const CHECKED_FIELDS: readonly FieldKey[] = ['status', 'exitYear', 'attribute', 'mainCause', 'income', 'health'];

/**
 * An empty record with every field present, so that all records share one shape (V8 keeps such
 * objects compact; objects grown key by key from {} fall back to a far larger dictionary form).
 */
export function blankValues(): Partial<Record<FieldKey, string>> {
  return {
    county: undefined,
    township: undefined,
    village: undefined,
    group: undefined,
    householdNumber: undefined,
    personNumber: undefined,
    name: undefined,
    idNumber: undefined,
    size: undefined,
    relation: undefined,
    ethnicity: undefined,
    education: undefined,
    schoolStatus: undefined,
    health: undefined,
    skill: undefined,
    workStatus: undefined,
    workMonths: undefined,
    insured: undefined,
    status: undefined,
    exitYear: undefined,
    attribute: undefined,
    mainCause: undefined,
    dangerousHouse: undefined,
    waterSafe: undefined,
    waterDifficult: undefined,
    income: undefined,
    phone: undefined,
    personPhone: undefined,
    identifiedYear: undefined,
    monitorType: undefined,
  };
}
