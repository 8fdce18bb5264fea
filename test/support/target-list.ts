import ExcelJS from 'exceljs';

/** A unit's 项目支出绩效目标表 of `projects` × 10 indicators. */
export async function targetList(projects: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目支出绩效目标表');
  sheet.addRow(['单位名称、项目名称', '项目年度绩效目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标属性', '指标内容', '分值']);
  const shape = [
    ['产出指标', '数量指标', '>=', '%'], ['产出指标', '数量指标', '>=', '个'], ['产出指标', '质量指标', '>=', '%'], ['产出指标', '时效指标', '<=', '天'], ['产出指标', '成本指标', '<=', '万元'],
    ['效益指标', '社会效益', '>=', '%'], ['效益指标', '社会效益', '定性', ''], ['效益指标', '可持续影响', '>=', '%'], ['满意度指标', '服务对象满意度', '>=', '%'], ['满意度指标', '服务对象满意度', '>=', '%'],
  ];
  for (let p = 0; p < projects; p++) {
    shape.forEach(([level1, level2, comparator, unit], i) => {
      const value = unit === '' ? '有效提升' : String(80 + ((p + i) % 20));
      sheet.addRow([i === 0 ? `气象项目${p + 1}` : '', i === 0 ? '按期完成年度气象服务任务' : '', level1, level2, `指标${i + 1}`, comparator, value, unit, unit === '' ? '定性指标' : '定量指标', '反映完成情况', '9']);
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
