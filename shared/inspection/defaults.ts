/**
 * The checklists shipped for the four target types (domain.md §5), 100 points each. Written into a
 * new database by migration 0009; the office edits them from there (each edit is a new version).
 */
import type { ScoreMode, TemplateSection } from '../domain/inspection';

/** [title, mode, max points, deduction per occurrence, guidance] */
type Row = [title: string, mode: ScoreMode, max: number, per: number, guidance: string];
interface Spec {
  type: string;
  name: string;
  sections: [string, Row[]][];
}

const VETO: Row = ['发生虚假脱贫、数字脱贫或违规违纪问题', 'veto', 0, 0, '经查实的，本次考核一票否决，须写明事实'];

const SPECS: Spec[] = [
  {
    type: 'township',
    name: '乡镇脱贫攻坚督查考核检查表',
    sections: [
      ['一、组织领导', [
        ['党委政府主要负责人履行第一责任人职责，每月专题研究脱贫攻坚不少于1次', 'deduct', 8, 2, '查阅会议记录；每少1次扣2分'],
        ['乡镇扶贫工作站人员、场地、经费"三到位"', 'passfail', 4, 0, '实地查看工作站；不到位不得分'],
      ]],
      ['二、精准识别与退出', [
        ['贫困户手册填写准确完整', 'deduct', 30, 2, '每户抽查手册；每错一处扣2分，最高扣30分'],
        ['建档立卡信息与全国扶贫开发信息系统一致', 'deduct', 10, 1, '比对系统数据；每发现1户不一致扣1分'],
        ['贫困户退出程序规范，公示材料齐全', 'points', 8, 0, '查阅退出公示、签字确认材料，酌情评分'],
      ]],
      ['三、帮扶措施落实', [
        ['产业扶贫项目覆盖有劳动能力的贫困户', 'points', 10, 0, '按覆盖率评分：100%得满分，每低5个百分点扣1分'],
        ['政策知晓：入户抽查贫困户对帮扶政策的知晓情况', 'deduct', 10, 1, '每户不知晓扣1分'],
        ['教育、医疗、住房安全保障政策落实到户', 'points', 10, 0, '抽查资助、报销、危房改造台账'],
      ]],
      ['四、资金管理与整改', [
        ['扶贫资金拨付及时、使用规范，公告公示到位', 'points', 5, 0, '查阅资金台账与公示'],
        ['问题整改按期销号', 'deduct', 5, 1, '查阅整改台账；每有1项逾期未销号扣1分'],
        VETO,
      ]],
    ],
  },
  {
    type: 'work_group',
    name: '工作推进组督查考核检查表',
    sections: [
      ['一、履职情况', [
        ['每月到联系乡镇督导不少于4次', 'deduct', 20, 5, '查阅督导记录；每少1次扣5分'],
        ['每季度向县脱贫攻坚指挥部书面报告工作', 'passfail', 10, 0, '未按时报告不得分'],
        ['督导发现的问题建立台账并跟踪整改', 'points', 20, 0, '查阅问题台账与跟踪记录，酌情评分'],
      ]],
      ['二、工作成效', [
        ['联系乡镇在本轮考核中的得分情况', 'points', 30, 0, '按联系乡镇平均得分折算'],
        ['联系乡镇贫困户手册差错', 'deduct', 20, 2, '每发现一处差错扣2分，最高扣20分'],
        VETO,
      ]],
    ],
  },
  {
    type: 'support_unit',
    name: '帮扶单位督查考核检查表',
    sections: [
      ['一、帮扶责任', [
        ['单位主要负责人每季度到帮扶村调研不少于1次', 'passfail', 10, 0, '查阅调研记录；未到村不得分'],
        ['帮扶责任人每月走访结对贫困户不少于1次', 'deduct', 20, 2, '入户核实；每户未走访扣2分'],
        ['落实帮扶资金、项目，帮扶计划完成', 'points', 25, 0, '对照年度帮扶计划，按完成比例评分'],
      ]],
      ['二、帮扶成效', [
        ['结对贫困户对帮扶工作满意', 'deduct', 20, 2, '入户抽查；每户不满意扣2分'],
        ['政策知晓：结对贫困户知晓帮扶责任人和帮扶措施', 'deduct', 15, 1, '每户不知晓扣1分'],
        ['"一户一策"帮扶计划填写规范', 'points', 10, 0, '抽查帮扶手册，酌情评分'],
        VETO,
      ]],
    ],
  },
  {
    type: 'village_team',
    name: '驻村工作队督查考核检查表',
    sections: [
      ['一、驻村管理', [
        ['驻村工作队每月在村不少于20天', 'deduct', 20, 2, '查阅考勤、食宿记录并电话抽查；每少1天扣2分'],
        ['队员脱产驻村，不承担原单位工作', 'passfail', 10, 0, '发现仍承担原单位工作的不得分'],
        ['驻村工作日志记录完整', 'deduct', 10, 1, '每缺1周记录扣1分'],
      ]],
      ['二、帮扶工作', [
        ['贫困户手册填写准确完整', 'deduct', 30, 2, '每错一处扣2分，最高扣30分'],
        ['协助村"两委"制定并落实脱贫规划', 'points', 15, 0, '查阅村脱贫规划与落实情况'],
        ['政策知晓：入户抽查贫困户政策知晓情况', 'deduct', 15, 1, '每户不知晓扣1分'],
        VETO,
      ]],
    ],
  },
];

export interface DefaultTemplate {
  id: string;
  type: string;
  name: string;
  sections: TemplateSection[];
}

/** The shipped checklists with stable ids (template `tpl-<type>`, items `<type>-<n>`). */
export const DEFAULT_TEMPLATES: DefaultTemplate[] = SPECS.map((s) => {
  let n = 0;
  return {
    id: `tpl-${s.type}`,
    type: s.type,
    name: s.name,
    sections: s.sections.map(([title, rows]) => ({
      title,
      items: rows.map(([t, mode, max, per, guidance]) => ({ id: `${s.type}-${++n}`, title: t, mode, max: max * 10, per: per * 10, guidance })),
    })),
  };
});
