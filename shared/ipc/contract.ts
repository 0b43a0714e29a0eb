/**
 * The IPC contract: every call between the renderer and the main process, named
 * `domain.verb`, with the zod schema its input must pass and the type of its result.
 * The Electron preload, the preview server and the main-side dispatcher are all derived
 * from this one object, so a call cannot exist on one side only.
 */
import { z } from 'zod';
import { byId, call, date, id, nothing, text, type Envelope } from './define';
import type { Cadre, County, OrgCounts, SupportUnit, Township, Village, VillageTeam, WorkGroup } from '../domain/org';
import type { AppStatus, DocSettings } from '../domain/app';
import { rosterContract } from './contract-roster';
import { wallchartContract } from './contract-wallchart';
import { ledgerContract } from './contract-ledger';
import { inspectionContract } from './contract-inspection';
import { pdfContract } from './contract-pdf';
import { backupContract } from './contract-backup';
import { auditContract } from './contract-audit';
import { authContract } from './contract-auth';

const idList = z.array(id).max(10_000);

const setupInput = z.strictObject({
  countyCode: text(6),
  countyName: text(40),
  operator: text(40),
  /** The first administrator's login and password (the operator is its name); the UI always sends it. */
  admin: z.strictObject({ login: text(32), password: z.string().max(200) }).optional(),
  townships: z.array(z.strictObject({ code: text(12), name: text(40) })).max(100),
});
const settingsInput = z.strictObject({ language: z.enum(['zh-CN', 'en']).optional(), operator: text(40).optional() });
const docSettingsInput = z.strictObject({ issuer: text(60), complaintPhone: text(30) });
const townshipInput = z.strictObject({ id: id.optional(), code: text(12), name: text(60) });
const villageListInput = z.strictObject({ townshipId: id.optional() });
const villageInput = z.strictObject({
  id: id.optional(),
  townshipId: id,
  code: text(15),
  name: text(60),
  isPoor: z.boolean(),
  population: z.number().int().nullable(),
});
const groupInput = z.strictObject({ id: id.optional(), name: text(60), leader: text(40), townshipIds: idList });
const unitInput = z.strictObject({ id: id.optional(), name: text(60), villageIds: idList });
const teamInput = z.strictObject({
  id: id.optional(),
  villageId: id,
  supportUnitId: id.nullable(),
  captainId: id.nullable(),
  memberIds: idList,
  termStart: date.nullable(),
  termEnd: date.nullable(),
});
const cadreInput = z.strictObject({
  id: id.optional(),
  name: text(60),
  gender: z.enum(['男', '女']),
  idNumber: text(30),
  unit: text(60),
  post: text(40),
  phone: text(30),
});

export const contract = {
  'app.status': call<typeof nothing, AppStatus>(nothing),
  'app.setup': call<typeof setupInput, AppStatus>(setupInput),
  'settings.update': call<typeof settingsInput, AppStatus>(settingsInput),
  /** The issuing office (both bulletins) and the complaint phone (公示版): read by anyone signed in, saved by an administrator. */
  'settings.documents.get': call<typeof nothing, DocSettings>(nothing),
  'settings.documents.save': call<typeof docSettingsInput, DocSettings>(docSettingsInput),

  'org.counts': call<typeof nothing, OrgCounts>(nothing),
  'org.townships.list': call<typeof nothing, Township[]>(nothing),
  'org.townships.save': call<typeof townshipInput, Township>(townshipInput),
  'org.townships.delete': call<typeof byId, void>(byId),
  'org.villages.list': call<typeof villageListInput, Village[]>(villageListInput),
  'org.villages.save': call<typeof villageInput, Village>(villageInput),
  'org.villages.delete': call<typeof byId, void>(byId),
  'org.groups.list': call<typeof nothing, WorkGroup[]>(nothing),
  'org.groups.save': call<typeof groupInput, WorkGroup>(groupInput),
  'org.groups.delete': call<typeof byId, void>(byId),
  'org.units.list': call<typeof nothing, SupportUnit[]>(nothing),
  'org.units.save': call<typeof unitInput, SupportUnit>(unitInput),
  'org.units.delete': call<typeof byId, void>(byId),
  'org.teams.list': call<typeof nothing, VillageTeam[]>(nothing),
  'org.teams.save': call<typeof teamInput, VillageTeam>(teamInput),
  'org.teams.delete': call<typeof byId, void>(byId),
  'org.cadres.list': call<typeof nothing, Cadre[]>(nothing),
  'org.cadres.save': call<typeof cadreInput, Cadre>(cadreInput),
  'org.cadres.delete': call<typeof byId, void>(byId),
  ...rosterContract,
  ...wallchartContract,
  ...ledgerContract,
  ...inspectionContract,
  ...pdfContract,
  ...backupContract,
  ...auditContract,
  ...authContract,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Exclude<Contract[K]['output'], undefined>;
export const callNames = Object.keys(contract) as CallName[];

/** The object the preload (and the preview bridge) puts on `window.api`: one method per call. */
export type Api = { [K in CallName]: (input: CallInput<K>) => Promise<Envelope<CallOutput<K>>> };

export type { County };

export type TownshipInput = z.output<typeof townshipInput>;
export type VillageInput = z.output<typeof villageInput>;
export type GroupInput = z.output<typeof groupInput>;
export type UnitInput = z.output<typeof unitInput>;
export type TeamInput = z.output<typeof teamInput>;
export type CadreInput = z.output<typeof cadreInput>;
export type SetupInput = z.output<typeof setupInput>;
export type SettingsInput = z.output<typeof settingsInput>;
