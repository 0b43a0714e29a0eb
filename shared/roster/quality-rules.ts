/**
 * The data-quality rules (疑点核查), modelled on the checks of the national poverty-alleviation
 * information system (domain.md §3). Shared so that the renderer can list the rules, filter by
 * them and show their titles; the checks themselves run in electron/core/roster/quality.
 * Codes are stable: results are stored under them and the roster list filters by them.
 */

export type QualitySeverity = 'error' | 'warning';

export interface QualityRuleInfo {
  code: string;
  title: string;
  titleEn: string;
  severity: QualitySeverity;
}

export const QUALITY_RULES: readonly QualityRuleInfo[] = [
  { code: 'Q01', title: '户关键信息缺失', titleEn: 'Household key fields missing', severity: 'error' },
  { code: 'Q02', title: '成员关键信息缺失', titleEn: 'Member key fields missing', severity: 'error' },
  { code: 'Q03', title: '身份证号码无效', titleEn: 'Invalid ID number', severity: 'error' },
  { code: 'Q04', title: '身份证号码重复', titleEn: 'Duplicate ID number', severity: 'error' },
  { code: 'Q05', title: '因病致贫但无患病成员', titleEn: 'Poor because of illness, but no member is ill', severity: 'warning' },
  { code: 'Q06', title: '因残致贫但无残疾成员', titleEn: 'Poor because of disability, but no member is disabled', severity: 'warning' },
  { code: 'Q07', title: '因学致贫但无在校生', titleEn: 'Poor because of schooling, but no member is in school', severity: 'warning' },
  { code: 'Q08', title: '五保/特困户有劳动年龄成员', titleEn: 'Household in state care for the destitute (wubao/tekun) with a working-age member able to work', severity: 'warning' },
  { code: 'Q09', title: '务工信息异常', titleEn: 'Inconsistent work status or months', severity: 'warning' },
  { code: 'Q10', title: '未落实帮扶责任人', titleEn: 'No paired cadre', severity: 'error' },
  { code: 'Q11', title: '帮扶责任人为建档立卡人员', titleEn: 'Paired cadre is on the poor roll', severity: 'error' },
  { code: 'Q12', title: '户主与配偶性别相同', titleEn: 'Head and spouse of the same gender', severity: 'error' },
  { code: 'Q13', title: '14 周岁及以下就读高中及以上', titleEn: 'Pupil aged 14 or under in high school or above', severity: 'error' },
  { code: 'Q14', title: '年龄与在校生状况不符', titleEn: 'Age does not fit the school status', severity: 'warning' },
  { code: 'Q15', title: '已脱贫户收入低于脱贫年度贫困线', titleEn: 'Exited household with income below the line of its exit year', severity: 'error' },
  { code: 'Q16', title: '户主缺失或多于一人', titleEn: 'No head, or more than one head', severity: 'error' },
  { code: 'Q17', title: '户人数与成员数不符', titleEn: 'Household size differs from the member count', severity: 'warning' },
  { code: 'Q18', title: '已脱贫户三保障或饮水安全未落实', titleEn: 'Exited household with housing, water or medical insurance not secured', severity: 'warning' },
];

/**
 * Checks of the national system this app does not run, and why (shown beside the rule list).
 * 人均耕地 is not part of the roster schema.
 */
export const QUALITY_RULES_NOT_RUN: readonly { title: string; titleEn: string; reason: string; reasonEn: string }[] = [
  { title: '人均耕地面积超过 50 亩', titleEn: 'Land over 50 mu per person', reason: '花名册未登记耕地面积', reasonEn: 'The roster does not record land area' },
];

const BY_CODE = new Map(QUALITY_RULES.map((r) => [r.code, r]));

export function qualityRule(code: string): QualityRuleInfo | undefined {
  return BY_CODE.get(code);
}

export const QUALITY_RULE_CODES: readonly string[] = QUALITY_RULES.map((r) => r.code);
