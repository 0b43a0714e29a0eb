/**
 * A sample county for demonstrations and screenshots. Every name is invented and the data
 * folder is marked as sample data (setting `demo`), which the app shows in a banner.
 * Everything goes through the services, so the sample obeys the same rules as real data.
 */
import { checkChar } from '../../../shared/rules/id-number';
import { DEFAULT_COUNTY } from '../../../shared/domain/org';
import type { App } from '../app/app';
import { loadSettings, setup } from '../settings/service';
import { writeSetting } from '../settings/repo';
import * as divisions from '../org/divisions-service';
import * as units from '../org/units-service';
import * as people from '../org/people-service';
import { countAll } from '../org/people-repo';
import { AppError } from '../errors';
import { seedSampleRound } from '../inspection/sample-round';
import { seedSampleLedger } from '../ledger/sample-ledger';

const VILLAGE_NAMES = ['长青', '枫林', '石桥', '桃花', '龙潭', '白水', '新塘', '竹山', '金鸡', '青山', '和平', '柳溪'];
const SURNAMES = '刘李陈王张曾周罗谢邓彭唐肖何';
const GIVEN_MALE = ['建国', '志强', '小军', '德明', '伟', '国庆', '卫东', '文斌', '春生'];
const GIVEN_FEMALE = ['红梅', '海燕', '秀英', '丽', '玉兰', '春华', '桂芝'];
const UNITS = ['县发展和改革局', '县财政局', '县教育局', '县卫生健康局', '县交通运输局', '县农业农村局', '县水利局', '县人社局'];
const POSTS = ['科员', '副局长', '股长', '办公室主任', '驻村干部'];

/** A valid ID number for sample person n (county code, a 1970s–90s birth date, check digit). */
export function sampleIdNumber(n: number, female: boolean): string {
  const year = 1965 + (n % 30);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  const seq = (n * 7) % 50;
  const gender = female ? 2 * (n % 5) : 2 * (n % 5) + 1;
  const first17 = `430522${year}${month}${day}${String(seq).padStart(2, '0')}${gender}`;
  return first17 + checkChar(first17);
}

export interface SeedResult {
  villages: number;
  groups: number;
  units: number;
  teams: number;
  cadres: number;
  /** Scored sample inspection rounds (督查考核). */
  rounds: number;
}

export async function seedDemo(app: App, operator = '示例操作员'): Promise<SeedResult> {
  const settings = await loadSettings({ db: app.db });
  if (!settings.county) {
    await setup(app.ctx(), { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator, townships: DEFAULT_COUNTY.townships });
    await app.refresh();
  }
  const ctx = app.ctx();
  // Sample data goes only into a folder without real records, so the two never mix.
  const counts = await countAll(app.db.kysely);
  if (counts.villages + counts.cadres + counts.supportUnits + counts.workGroups > 0) throw new AppError('CONFLICT', 'demo.notEmpty');
  // The flag comes first: should seeding stop half-way, what was written is still marked as sample.
  await writeSetting(app.db.kysely, 'demo', 'true', ctx.now().toISOString(), ctx.operator);

  const townships = (await divisions.listTownships(ctx)).slice(0, 4);
  const villages = [];
  let vi = 0;
  for (const t of townships) {
    for (let k = 0; k < 3; k++, vi++) {
      villages.push(
        await divisions.saveVillage(ctx, {
          townshipId: t.id,
          code: `${t.code}${String(201 + k).padStart(3, '0')}`,
          name: `${VILLAGE_NAMES[vi % VILLAGE_NAMES.length]}村`,
          isPoor: k !== 2,
          population: 900 + ((vi * 173) % 1400),
        }),
      );
    }
  }
  const cadres = [];
  for (let n = 0; n < 24; n++) {
    const female = n % 3 === 0;
    cadres.push(
      await people.saveCadre(ctx, {
        name: SURNAMES[n % SURNAMES.length] + (female ? GIVEN_FEMALE[n % GIVEN_FEMALE.length] : GIVEN_MALE[(n * 5) % GIVEN_MALE.length]),
        gender: female ? '女' : '男',
        idNumber: sampleIdNumber(n + 1, female),
        unit: UNITS[n % UNITS.length],
        post: POSTS[n % POSTS.length],
        phone: `139${String(7300000 + n * 1137).padStart(8, '0')}`,
      }),
    );
  }
  const unitRows = [];
  for (const [i, name] of UNITS.entries()) {
    unitRows.push(await units.saveUnit(ctx, { name, villageIds: villages.filter((_, j) => j % UNITS.length === i).map((v) => v.id) }));
  }
  const groups = [];
  for (let g = 0; g < 2; g++) {
    groups.push(
      await units.saveGroup(ctx, {
        name: `第${'一二'[g]}工作推进组`,
        leader: cadres[g].name,
        townshipIds: townships.filter((_, j) => j % 2 === g).map((t) => t.id),
      }),
    );
  }
  let teams = 0;
  for (const [i, v] of villages.filter((v) => v.isPoor).entries()) {
    const base = i * 3; // 8 teams × 3 people = the 24 sample cadres, each in one team
    await people.saveTeam(ctx, {
      villageId: v.id,
      supportUnitId: unitRows[i % unitRows.length].id,
      captainId: cadres[base].id,
      memberIds: [cadres[base + 1].id, cadres[base + 2].id],
      termStart: '2017-03-01',
      termEnd: '2019-02-28',
    });
    teams++;
  }
  await seedSampleRound(ctx);
  await seedSampleLedger(ctx, townships.map((t) => t.name), unitRows.map((u) => u.name));
  return { villages: villages.length, groups: groups.length, units: unitRows.length, teams, cadres: cadres.length, rounds: 1 };
}
