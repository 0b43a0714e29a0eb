import { fileMessages } from './messages-files';
import { rosterMessages } from './messages-roster';
import { qualityMessages } from './messages-quality';
import { ledgerMessages } from './messages-ledger';
import { wallchartMessages } from './messages-wallchart';
import { pdfMessages } from './messages-pdf';
import { dialogMessages } from './messages-dialogs';
import { backupMessages } from './messages-backup';
import { authMessages } from './messages-auth';
import { auditMessages } from './messages-audit';
import { storageMessages } from './messages-storage';
import { inspectionMessages } from '../inspection/messages';

/**
 * User-facing messages for errors and validation, shared by the services (which put the
 * Chinese text into every error), the CLI and the renderer (which shows the text in the
 * user's language). Placeholders use i18next's {{name}} syntax.
 */
export const messages = {
  'zh-CN': {
    'name.empty': '名称不能为空',
    'name.tooLong': '名称不能超过 {{max}} 个字',
    'code.county': '县代码应为 6 位数字（如 430522）',
    'code.township': '乡镇代码应为 9 位数字，并以县代码 {{county}} 开头',
    'code.village': '行政村代码应为 12 位数字，并以所属乡镇代码 {{township}} 开头',
    'code.duplicate': '代码 {{code}} 已被「{{other}}」使用',
    'code.townshipHasVillages': '不能修改乡镇代码：下属行政村（如「{{village}}」）的代码以原乡镇代码开头',
    'team.villageTaken': '「{{village}}」已有驻村工作队，一个村只登记一支工作队',
    'name.duplicate': '名称「{{name}}」已存在',
    'phone.format': '电话号码格式不正确：应为 11 位手机号或带区号的固定电话',
    'population.range': '人口数应为 0 到 1000000 之间的整数',
    'id.empty': '请填写身份证号码',
    'id.length': '身份证号码应为 18 位（或旧式 15 位）',
    'id.chars': '身份证号码只能包含数字，最后一位可以是 X',
    'id.birth': '身份证号码中的出生日期不存在',
    'id.birthFuture': '身份证号码中的出生日期晚于今天，请核对',
    'id.region': '身份证号码前两位不是有效的省级行政区划代码，请核对',
    'id.check': '身份证号码校验位不正确，请核对',
    'id.duplicate': '身份证号码已登记为帮扶责任人「{{other}}」',
    'gender.mismatch': '性别与身份证号码不符（身份证显示为{{gender}}）',
    'team.captain': '请指定工作队队长',
    'team.captainTwice': '队长不能同时列为队员',
    'team.termOrder': '任期结束日期不能早于开始日期',
    'ref.township': '所选乡镇不存在，可能已被删除',
    'ref.village': '所选行政村不存在，可能已被删除',
    'ref.unit': '所选帮扶单位不存在，可能已被删除',
    'ref.cadre': '所选帮扶责任人不存在，可能已被删除',
    'notFound': '要修改的记录不存在，可能已被删除',
    'inUse': '无法删除「{{name}}」：仍被 {{refs}}引用，请先解除这些关联',
    'inUse.villages': '{{count}} 个行政村（{{names}}）',
    'inUse.groups': '{{count}} 个工作推进组（{{names}}）',
    'inUse.units': '{{count}} 个帮扶单位（{{names}}）',
    'inUse.teams': '{{count}} 个驻村工作队（{{names}}）',
    'inUse.households': '{{count}} 户贫困户（{{names}}）',
    'inUse.measures': '{{count}} 条帮扶措施（{{names}}户）',
    'bad.payload': '提交的数据格式不正确：{{detail}}',
    'notSetUp': '尚未完成初始设置，请先填写县名和操作员',
    'alreadySetUp': '本数据目录已经完成初始设置（{{county}}）',
    'operator.empty': '请填写操作员姓名',
    'doc.issuer.empty': '请填写发文单位',
    'doc.issuer.long': '发文单位不能超过 40 个字',
    'doc.issuer.line': '发文单位应写在一行内',
    'doc.phone.invalid': '监督电话应为 7 到 20 位数字，可含区号连字符，如 0739-1234567',
    'dataDir.notDir': '数据目录「{{path}}」不是文件夹',
    'dataDir.readOnly': '数据目录「{{path}}」无法写入，请选择有写入权限的文件夹',
    'db.notSqlite': '文件「{{path}}」不是本软件的数据库，或已损坏；未做任何修改',
    'db.newer': '数据库由更新版本的软件创建（数据结构版本 {{found}}，本软件支持到 {{supported}}），请升级软件后再打开；未做任何修改',
    'db.locked': '数据库正被另一个程序使用（可能是另开的一个扶贫工作台或命令行工具），请关闭它后重试',
    'demo.notEmpty': '示例数据只能写入没有业务数据的数据目录（本目录已有行政村、单位或干部记录），未做任何修改',
    'db.missing': '数据目录「{{path}}」中还没有数据库，请先运行 init 完成初始设置',
    'task.cancelled': '已取消，未写入任何数据',
    'file.tokenUnknown': '找不到所选文件，请重新选择',
    'forbidden': '拒绝来自未知页面的请求',
    'internal': '程序内部错误，操作未完成，数据未被修改。请重试或联系技术支持',
  },
  en: {
    'name.empty': 'Name must not be empty',
    'name.tooLong': 'Name must be at most {{max}} characters',
    'code.county': 'County code must be 6 digits (e.g. 430522)',
    'code.township': 'Township code must be 9 digits starting with the county code {{county}}',
    'code.village': 'Village code must be 12 digits starting with its township code {{township}}',
    'code.duplicate': 'Code {{code}} is already used by "{{other}}"',
    'code.townshipHasVillages': 'The township code cannot change: its villages (e.g. "{{village}}") have codes starting with the old one',
    'team.villageTaken': '"{{village}}" already has a village team; one team per village',
    'name.duplicate': 'The name "{{name}}" already exists',
    'phone.format': 'Phone number is not valid: use an 11-digit mobile or a landline with area code',
    'population.range': 'Population must be a whole number from 0 to 1,000,000',
    'id.empty': 'Enter the ID number',
    'id.length': 'An ID number has 18 characters (or 15 in the old format)',
    'id.chars': 'An ID number has only digits; the last may be X',
    'id.birth': 'The birth date in the ID number does not exist',
    'id.birthFuture': 'The birth date in the ID number is after today',
    'id.region': 'The first two digits of the ID number are not a province code',
    'id.check': 'The check digit of the ID number is wrong; please verify',
    'id.duplicate': 'This ID number is already registered for cadre "{{other}}"',
    'gender.mismatch': 'Gender does not match the ID number (which says {{gender}})',
    'team.captain': 'Choose the team captain',
    'team.captainTwice': 'The captain cannot also be listed as a member',
    'team.termOrder': 'The term cannot end before it starts',
    'ref.township': 'The chosen township no longer exists',
    'ref.village': 'The chosen village no longer exists',
    'ref.unit': 'The chosen supporting unit no longer exists',
    'ref.cadre': 'The chosen cadre no longer exists',
    'notFound': 'The record no longer exists; it may have been deleted',
    'inUse': 'Cannot delete "{{name}}": it is still used by {{refs}}. Remove those links first',
    'inUse.villages': '{{count}} village(s) ({{names}})',
    'inUse.groups': '{{count}} work group(s) ({{names}})',
    'inUse.units': '{{count}} supporting unit(s) ({{names}})',
    'inUse.teams': '{{count}} village team(s) ({{names}})',
    'inUse.households': '{{count}} household(s) ({{names}})',
    'inUse.measures': '{{count}} assistance measure(s) (households of {{names}})',
    'bad.payload': 'The submitted data is not valid: {{detail}}',
    'notSetUp': 'Setup is not finished: enter the county and the operator first',
    'alreadySetUp': 'This data folder is already set up ({{county}})',
    'operator.empty': "Enter the operator's name",
    'doc.issuer.empty': 'Enter the issuing office',
    'doc.issuer.long': 'The issuing office is at most 40 characters',
    'doc.issuer.line': 'Write the issuing office on one line',
    'doc.phone.invalid': 'The complaint phone is 7 to 20 digits, with an optional area-code hyphen, e.g. 0739-1234567',
    'dataDir.notDir': 'The data folder "{{path}}" is not a folder',
    'dataDir.readOnly': 'The data folder "{{path}}" cannot be written; choose a folder you can write to',
    'db.notSqlite': 'The file "{{path}}" is not a database of this app, or it is damaged; nothing was changed',
    'db.newer': 'The database was written by a newer version of this app (schema {{found}}; this version supports up to {{supported}}). Upgrade the app; nothing was changed',
    'db.locked': 'The database is in use by another program (perhaps another copy of this app or the command line); close it and retry',
    'demo.notEmpty': 'Sample data can only go into a data folder without real records (this one has villages, units or cadres); nothing was changed',
    'db.missing': 'The data folder "{{path}}" has no database yet; run init first',
    'task.cancelled': 'Cancelled; nothing was written',
    'file.tokenUnknown': 'The chosen file is no longer known; choose it again',
    'forbidden': 'Request from an unknown page refused',
    'internal': 'Internal error: the operation did not complete and no data was changed. Retry or contact support',
  },
} as const;

export type MessageKey = keyof (typeof messages)['zh-CN'];

/** Every table of messages, by language (the core ones above plus one per area). */
const tables: Record<Lang, Record<string, string>[]> = {
  'zh-CN': [messages['zh-CN'], fileMessages['zh-CN'], rosterMessages['zh-CN'], qualityMessages['zh-CN'], ledgerMessages['zh-CN'], inspectionMessages['zh-CN'], wallchartMessages['zh-CN'], pdfMessages['zh-CN'], dialogMessages['zh-CN'], backupMessages['zh-CN'], authMessages['zh-CN'], auditMessages['zh-CN'], storageMessages['zh-CN']],
  en: [messages.en, fileMessages.en, rosterMessages.en, qualityMessages.en, ledgerMessages.en, inspectionMessages.en, wallchartMessages.en, pdfMessages.en, dialogMessages.en, backupMessages.en, authMessages.en, auditMessages.en, storageMessages.en],
};

export function messageTable(lang: Lang): Record<string, string> {
  return Object.assign({}, ...tables[lang]);
}
export type Lang = keyof typeof messages;

function lookup(lang: Lang, key: string): string | undefined {
  for (const t of tables[lang]) if (key in t) return t[key];
  return undefined;
}

export function formatMessage(key: string, params: Record<string, unknown> = {}, lang: Lang = 'zh-CN'): string {
  const template = lookup(lang, key) ?? lookup('zh-CN', key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** The error shape that crosses IPC and the CLI boundary: data, never a stack trace. */
export interface ErrorInfo {
  code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'IN_USE' | 'BAD_PAYLOAD' | 'NOT_SET_UP' | 'STORAGE' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'LOCKED' | 'INTERNAL';
  key: string;
  params?: Record<string, string | number>;
  /** Nested parts (e.g. what still references a record), formatted into {{refs}}. */
  parts?: { key: string; params?: Record<string, string | number> }[];
  /** The form field the error belongs to, when there is one. */
  field?: string;
  /** Chinese text, ready to show. */
  message: string;
}

export function formatError(e: Omit<ErrorInfo, 'message'>, lang: Lang = 'zh-CN'): string {
  const sep = lang === 'en' ? '; ' : '；';
  const refs = (e.parts ?? []).map((p) => formatMessage(p.key, p.params, lang)).join(sep);
  return formatMessage(e.key, { ...e.params, refs }, lang);
}
