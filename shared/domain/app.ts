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
}

export interface Settings {
  language: Lang;
  operator: string;
  county: County;
}
