/** Results of a round to xlsx: one ranking sheet per target type and a sheet of deductions. */
import { writeXlsx, type Cells, type SheetSpec } from '../files/xlsx-write';
import { points } from '../../../shared/inspection/scoring';
import { SCORE_MODE_NAMES, type RoundResults } from '../../../shared/domain/inspection';

export function resultSheets(r: RoundResults): SheetSpec[] {
  const sheets: SheetSpec[] = r.rankings.map((k) => ({
    name: `${k.typeName}排名`.slice(0, 31),
    columns: [
      { header: '名次', width: 8 },
      { header: '单位', width: 30 },
      { header: `督查得分（满分${points(k.totalMax)}）`, width: 18 },
      { header: '自评分', width: 10 },
      { header: '扣分项', width: 10 },
      { header: '一票否决', width: 10 },
      { header: '督查组', width: 16 },
    ],
    rows: k.rows.map((x): Cells => [x.rank, x.name, x.done ? x.total / 10 : '未评分', x.selfScore === null ? null : x.selfScore / 10, x.deductedItems, x.vetoed ? '是' : '', x.group]),
  }));
  sheets.push({
    name: '扣分明细',
    columns: [
      { header: '单位', width: 28 },
      { header: '部分', width: 18 },
      { header: '检查项目', width: 48 },
      { header: '计分方式', width: 12 },
      { header: '得分', width: 8 },
      { header: '满分', width: 8 },
      { header: '督查发现', width: 40 },
      { header: '整改台账序号', width: 12 },
    ],
    rows: r.findings.map((f): Cells => [f.targetName, f.section, f.item, SCORE_MODE_NAMES[f.mode], f.score / 10, f.max / 10, f.note, f.ledgerSeq]),
  });
  sheets.push({ name: '说明', columns: [{ header: r.round.name, width: 100 }], rows: [[r.tieRule]] });
  return sheets;
}

export function exportResultsXlsx(r: RoundResults, file: string, signal?: AbortSignal) {
  return writeXlsx(file, resultSheets(r), { signal });
}
