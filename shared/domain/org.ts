/** Organisation registry records as the renderer and the CLI see them. */

export interface Meta {
  id: string;
  updatedAt: string; // ISO 8601
}

export interface County {
  code: string;
  name: string;
}

export interface Township extends Meta {
  code: string;
  name: string;
  villageCount: number;
}

export interface Village extends Meta {
  code: string;
  name: string;
  townshipId: string;
  townshipName: string;
  isPoor: boolean;
  population: number | null;
}

export interface WorkGroup extends Meta {
  name: string;
  leader: string;
  townshipIds: string[];
}

export interface SupportUnit extends Meta {
  name: string;
  villageIds: string[];
}

export interface VillageTeam extends Meta {
  villageId: string;
  villageName: string;
  supportUnitId: string | null;
  captainId: string;
  memberIds: string[];
  termStart: string | null; // YYYY-MM-DD
  termEnd: string | null;
}

export type Gender = '男' | '女';

export interface Cadre extends Meta {
  name: string;
  gender: Gender;
  idNumber: string;
  unit: string;
  post: string;
  phone: string;
}

export interface OrgCounts {
  townships: number;
  villages: number;
  poorVillages: number;
  workGroups: number;
  supportUnits: number;
  villageTeams: number;
  cadres: number;
}

/** Xinshao County (新邵县) and its 15 township-level units: the default for first-run setup. */
export const DEFAULT_COUNTY: County & { townships: { code: string; name: string }[] } = {
  code: '430522',
  name: '新邵县',
  townships: [
    { code: '430522100', name: '酿溪镇' },
    { code: '430522101', name: '严塘镇' },
    { code: '430522102', name: '雀塘镇' },
    { code: '430522103', name: '陈家坊镇' },
    { code: '430522104', name: '潭溪镇' },
    { code: '430522105', name: '寸石镇' },
    { code: '430522106', name: '坪上镇' },
    { code: '430522107', name: '龙溪铺镇' },
    { code: '430522108', name: '巨口铺镇' },
    { code: '430522109', name: '新田铺镇' },
    { code: '430522110', name: '小塘镇' },
    { code: '430522111', name: '太芝庙镇' },
    { code: '430522112', name: '大新镇' },
    { code: '430522200', name: '潭府乡' },
    { code: '430522203', name: '迎光乡' },
  ],
};
