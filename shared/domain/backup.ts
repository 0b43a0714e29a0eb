/** Backups (.fpbak): what a backup holds, as listed and shown before a restore. */
import { z } from 'zod';

export const BACKUP_FORMAT = 'fupin-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Why a backup was made: at start / daily, by hand, or the database set aside before a restore. */
export const BACKUP_KINDS = ['auto', 'manual', 'beforeRestore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** The manifest inside every backup file; checked field by field when a backup is opened. */
export const backupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string().max(40),
  operator: z.string().max(100),
  county: z.object({ code: z.string().max(12), name: z.string().max(60) }).nullable(),
  kind: z.enum(BACKUP_KINDS),
  counts: z.record(z.string().max(64), z.number().int().min(0)),
  /** The audit log's head when the backup was made (sequence number and short hash). */
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string().max(64) }).nullable(),
  database: z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type BackupManifest = z.infer<typeof backupManifest>;

/** A backup as the screens and the CLI show it. */
export interface BackupSummary {
  /** File name (backups in the data folder are named by it). */
  name: string;
  kind: BackupKind;
  createdAt: string;
  operator: string;
  county: { code: string; name: string } | null;
  appVersion: string;
  schemaVersion: number;
  households: number;
  persons: number;
  ledgerItems: number;
  bytes: number;
  auditHead: { seq: number; hash: string } | null;
}

export interface BackupList {
  /** The folder automatic backups go to. */
  folder: string;
  /** How many automatic backups are kept. */
  keep: number;
  backups: BackupSummary[];
}

export const DEFAULT_BACKUP_KEEP = 14;
export const MAX_BACKUP_KEEP = 365;
