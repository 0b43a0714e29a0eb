import { withApp, withWriter } from './with-app';
import type { App } from '../core/app/app';
import { userAddCommand, userListCommand, userPasswdCommand } from './user-commands';
import { DEFAULT_COUNTY } from '../../shared/domain/org';
import { setup } from '../core/settings/service';
import { seedDemo } from '../core/demo/seed';
import { orgList } from './org-list';
import { UsageError } from './main';
import { checkCommand, exportRosterCommand, importRosterCommand, searchCommand } from './roster-commands';
import { ledgerCommand } from './ledger-commands';
import { statsCommand } from './stats-command';
import { roundListCommand, roundResultsCommand } from './inspect-commands';
import { pdfCommand, pdfUsage } from './pdf-commands';
import { templateCommand, templateUsage } from './wallchart-commands';
import { backupCommand, backupListCommand, databaseDamaged, rescueCommand, restoreCommand } from './backup-commands';
import { auditListCommand, auditVerifyCommand } from './audit-commands';

export interface CommandInput {
  dataDir: string;
  options: { json?: boolean; 'county-code'?: string; 'county-name'?: string; operator?: string; 'dry-run'?: boolean; township?: string; overdue?: boolean } & Record<string, string | boolean | undefined>;
  args: string[];
}
export interface CommandResult {
  json: unknown;
  text: string;
  /** Non-zero when the command ran but did not do its job (e.g. every row of an import refused). */
  exitCode?: number;
}
type Command = (input: CommandInput) => Promise<CommandResult>;

export const usage = `用法：npm run --silent cli -- [--data-dir 目录] <命令> [--json]
命令：
  help                列出全部命令（也可用 --help 或 -h）
  init --county-code 代码 --county-name 名称 [--operator 姓名]
                      初始化数据目录（县代码 430522 时自动填入新邵县 15 个乡镇）
  org list            列出组织机构（乡镇、行政村、推进组、帮扶单位、工作队、帮扶责任人）
  seed-demo           写入一个示例县（所有名称均为虚构，并标记为示例数据）
  import-roster 文件 [--dry-run] [--confirm-unmapped]
                      导入全国系统导出的花名册（xlsx、xls 或 csv）；--dry-run 只检查不写入；
                      问题按类型汇总列出（--json 含每类的全部行号），全部行被拒绝时退出码为 1；
                      有像花名册字段却未对应的列时停止，核对后用 --confirm-unmapped 继续
  export-roster 文件 [--township 乡镇代码]
                      按全国系统格式导出花名册（xlsx）
  search 文字          按姓名、身份证号码（或后 4–6 位）、户编号、电话查找人员
  check               运行数据质量核查（疑点），按规则和乡镇汇总
  stats [--township 乡镇代码]
                      户数、人数、已脱贫、未脱贫、监测户和贫困发生率，按乡镇列出（与首页同一口径）
  ledger list [--overdue]
                      列出整改台账（--overdue 只列已逾期的问题）
  ledger export 文件 [--overdue]
                      导出整改台账（.xlsx 或 .pdf）
  backup 文件或文件夹    备份全部数据（.fpbak；给文件夹时按县名和时间命名）
  backup list         列出数据目录中的备份（自动备份和恢复前留存的）
  restore 文件 [--yes] 显示备份内容；加 --yes 用它替换当前数据（当前数据先另存为备份；数据库已损坏时，损坏的文件移到 backups 保留）
  audit verify        核对审计日志的哈希链，指出第一条不一致的记录
  audit list [--household 户编号] [--operator 登录名或姓名] [--limit 条数]
                      列出审计日志（最近的在前）：谁、何时、改了什么
  user list           列出账号（登录名、姓名、角色、所属乡镇）
  user add 登录名 --name 姓名 --role admin|township|readonly [--township 乡镇代码]
                      添加账号（密码从标准输入第一行读取）；第一个账号须为县级管理员（admin）
  user passwd 登录名   为账号设置新密码（从标准输入读取）
已设置账号的数据目录中，写入数据的命令（import-roster、check、restore、seed-demo、user）需要
  --operator 登录名（启用的县级管理员账号），写入的记录以该账号署名
  round list          列出督查考核轮次
  round results 轮次   按类型列出考核排名（轮次为名称或编号）
${pdfUsage()}
${templateUsage}`;


export const commands: Record<string, Command> = {
  init: ({ dataDir, options }) => {
    const countyCode = options['county-code'];
    const countyName = options['county-name'];
    if (!countyCode || !countyName) throw new UsageError('init 需要 --county-code 和 --county-name');
    return withApp(dataDir, async (app) => {
      const townships = countyCode.trim() === DEFAULT_COUNTY.code ? DEFAULT_COUNTY.townships : [];
      await setup(app.ctx(), { countyCode, countyName, operator: options.operator ?? '系统管理员', townships });
      const status = await app.status();
      return {
        json: { dataDir, county: status.county, operator: status.operator, townships: townships.length, schemaVersion: status.schemaVersion },
        text: `已初始化 ${countyName}（${countyCode}），数据目录 ${dataDir}，乡镇 ${townships.length} 个`,
      };
    }, true);
  },
  'org list': ({ dataDir }) => withApp(dataDir, orgList),
  pdf: pdfCommand,
  template: templateCommand,
  ledger: ({ dataDir, options, args }) => withApp(dataDir, (app) => ledgerCommand(app, args, options.overdue === true)),
  round: ({ dataDir, args }) => {
    if (args[0] === 'list') return withApp(dataDir, roundListCommand);
    if (args[0] === 'results' && args[1]) return withApp(dataDir, (app) => roundResultsCommand(app, args.slice(1).join(' ')));
    throw new UsageError('用法：round list | round results 轮次名称或编号');
  },
  'import-roster': ({ dataDir, options, args }) => {
    if (!args[0]) throw new UsageError('import-roster 需要文件路径');
    const dryRun = options['dry-run'] === true;
    const run = (app: App) => importRosterCommand(app, args[0], { dryRun, confirmUnmapped: options['confirm-unmapped'] === true });
    return dryRun ? withApp(dataDir, run) : withWriter(dataDir, options.operator, run);
  },
  check: ({ dataDir, options }) => withWriter(dataDir, options.operator, checkCommand),
  user: ({ dataDir, options, args }) => {
    const o = options as Record<string, string | undefined>;
    if (args[0] === 'list' && args.length === 1) return withApp(dataDir, userListCommand);
    if (args[0] === 'add' && args[1]) return withWriter(dataDir, o.operator, (app) => userAddCommand(app, args[1], { name: o.name, role: o.role, township: o.township, password: o.password }));
    if (args[0] === 'passwd' && args[1]) return withWriter(dataDir, o.operator, (app) => userPasswdCommand(app, args[1], o.password));
    throw new UsageError('用法：user list | user add 登录名 --name 姓名 --role 角色 | user passwd 登录名');
  },
  backup: ({ dataDir, args }) => {
    if (args[0] === 'list' && args.length === 1) return withApp(dataDir, backupListCommand);
    if (!args[0]) throw new UsageError('用法：backup 文件或文件夹 | backup list');
    return withApp(dataDir, (app) => backupCommand(app, args.join(' ')));
  },
  audit: ({ dataDir, options, args }) => {
    if (args[0] === 'verify' && args.length === 1) return withApp(dataDir, auditVerifyCommand);
    if (args[0] === 'list' && args.length === 1) {
      const o = options as Record<string, string | boolean | undefined>;
      const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
      return withApp(dataDir, (app) => auditListCommand(app, { household: s('household'), operator: s('operator'), limit: s('limit') }));
    }
    throw new UsageError('用法：audit verify | audit list [--household 户编号] [--operator 登录名] [--limit 条数]');
  },
  restore: async ({ dataDir, options, args }) => {
    if (!args[0]) throw new UsageError('restore 需要备份文件路径');
    const yes = options.yes === true;
    // A damaged database is replaced as the rescue screen does (its accounts may not read).
    if (await databaseDamaged(dataDir)) return rescueCommand(dataDir, args.join(' '), yes);
    const run = (app: App) => restoreCommand(app, args.join(' '), yes);
    return yes ? withWriter(dataDir, options.operator, run) : withApp(dataDir, run);
  },
  stats: ({ dataDir, options }) => withApp(dataDir, (app) => statsCommand(app, options.township)),
  search: ({ dataDir, args }) => {
    if (!args[0]) throw new UsageError('search 需要查找的文字');
    return withApp(dataDir, (app) => searchCommand(app, args.join(' ')));
  },
  'export-roster': ({ dataDir, options, args }) => {
    if (!args[0]) throw new UsageError('export-roster 需要文件路径');
    return withApp(dataDir, (app) => exportRosterCommand(app, args[0], options.township));
  },
  'seed-demo': ({ dataDir, options }) =>
    withWriter(dataDir, options.operator, async (app) => {
      const r = await seedDemo(app);
      return {
        json: { sample: true, ...r },
        text: `已写入示例数据（均为虚构）：行政村 ${r.villages} 个，帮扶单位 ${r.units} 个，推进组 ${r.groups} 个，工作队 ${r.teams} 支，帮扶责任人 ${r.cadres} 名`,
      };
    }, true),
};
