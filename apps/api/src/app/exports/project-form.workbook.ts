import { TargetIndicatorDto } from '@pm/api-contract';
import { toWanYuan } from '@pm/domain';
import ExcelJS from 'exceljs';
import { finishOfficialSheet, officialSheetOptions } from './print-layout';
import { mergeRuns, PRINTED_COMPARATOR, THIN } from './xlsx-layout';

export interface ProjectForm {
  fiscalYear: number;
  name: string;
  departmentName: string;
  unitName: string;
  goal: string;
  funds: { total: string; currentYearAppropriation: string; carryOver: string; other: string };
  indicators: TargetIndicatorDto[];
}

/** The indicators' header row, repeated on every printed page. */
const HEADER_ROW = 6;
const HEADER = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标属性', '指标内容', '分值'];

/** 项目支出绩效目标表 as the per-project form: the project block (funds in 万元), then its indicator rows. */
export async function projectFormWorkbook(form: ProjectForm): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效目标管理';
  const sheet = workbook.addWorksheet('项目支出绩效目标表', officialSheetOptions(`${HEADER_ROW}:${HEADER_ROW}`));
  // 指标性质 and 分值 wide enough for the money row's 当年财政拨款 and its amount
  sheet.columns = [14, 16, 26, 14, 12, 10, 10, 40, 10].map((width) => ({ width }));
  const width = HEADER.length;
  const row = (cells: (string | number)[], merges: [number, number][] = [], bold = false) => {
    const added = sheet.addRow(cells);
    for (const [from, to] of merges) sheet.mergeCells(added.number, from, added.number, to);
    for (let c = 1; c <= width; c++) Object.assign(added.getCell(c), { border: THIN, alignment: { vertical: 'middle', wrapText: true }, font: { bold } });
    return added;
  };
  sheet.mergeCells(1, 1, 1, width);
  Object.assign(sheet.getCell(1, 1), { value: `${form.fiscalYear} 年项目支出绩效目标表`, font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
  row(['项目名称', form.name], [[2, width]]);
  row(['主管部门', form.departmentName, '', '', '实施单位', form.unitName], [[2, 4], [6, width]]);
  const money = row(['项目资金（万元）', '年度资金总额', Number(toWanYuan(form.funds.total)), '当年财政拨款', Number(toWanYuan(form.funds.currentYearAppropriation)), '上年结转', Number(toWanYuan(form.funds.carryOver)), '其他资金', Number(toWanYuan(form.funds.other))]);
  for (const c of [3, 5, 7, 9]) money.getCell(c).numFmt = '#,##0.00';
  row(['年度总体目标', form.goal], [[2, width]]);
  row(HEADER, [], true);
  const first = sheet.rowCount + 1;
  for (const r of form.indicators) row([r.level1, r.level2, r.name, r.comparator ? PRINTED_COMPARATOR[r.comparator] : '', r.value, r.unit, `${r.kind}指标`, r.content, r.weight ?? '']);
  mergeRuns(sheet, first, 1, form.indicators.map((r) => r.level1));
  mergeRuns(sheet, first, 2, form.indicators.map((r) => `${r.level1}/${r.level2}`));
  finishOfficialSheet(sheet, width);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
