import type { SessionOut } from './account';
import type { County } from './org';
import type { Lang } from '../i18n/messages';

export interface AppStatus {
  /** False until first-run setup has created the county and the operator. */
  ready: boolean;
  county: County | null;
  operator: string | null;
  language: Lang;
  /** The data folder holds the invented sample county (示例数据). */
  sample: boolean;
  dataDir: string;
  schemaVersion: number;
  appVersion: string;
  /** The database has accounts: signing in is required. */
  accounts: boolean;
  /** Who is signed in (null: nobody, or no accounts yet). */
  session: SessionOut | null;
  /** The screen is locked (idle, or locked by hand): the password unlocks it. */
  locked: boolean;
  /** Minutes without activity before the screen locks. */
  idleMinutes: number;
}

export interface Settings {
  language: Lang;
  operator: string;
  county: County;
}

/** What the office's printouts carry (设置 → 公文与公示). */
export interface DocSettings {
  /** The issuing office on both bulletins (default 某某县脱贫攻坚领导小组办公室). */
  issuer: string;
  /** The office's complaint phone (监督电话) on the public roster; '' when not set. */
  complaintPhone: string;
}
