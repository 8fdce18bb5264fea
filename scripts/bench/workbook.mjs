import ExcelJS from 'exceljs';

/** A 项目支出绩效目标表 of `projects` projects × 10 indicators, as a unit's spreadsheet would hold it. */
export async function generatedWorkbook(projects = 3000, prefix = '基准导入项目') {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目支出绩效目标表');
  sheet.addRow(['单位名称、项目名称', '项目年度绩效目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标属性', '指标内容', '分值']);
  const shape = [
    ['产出指标', '数量指标', '>=', '%'], ['产出指标', '数量指标', '>=', '个'], ['产出指标', '质量指标', '>=', '%'], ['产出指标', '时效指标', '<=', '天'],
    ['产出指标', '成本指标', '<=', '万元'], ['效益指标', '社会效益', '>=', '%'], ['效益指标', '社会效益', '=', ''], ['效益指标', '可持续影响', '>=', '%'],
    ['满意度指标', '服务对象满意度', '>=', '%'], ['满意度指标', '服务对象满意度', '>=', '%'],
  ];
  const rows = [];
  for (let p = 0; p < projects; p++) {
    shape.forEach(([level1, level2, comparator, unit], i) => {
      const value = unit === '' ? '有效提升' : String(80 + ((p + i) % 20));
      const row = [i === 0 ? `${prefix}${p + 1}` : '', i === 0 ? '按期完成项目年度任务' : '', level1, level2, `指标${i + 1}`, comparator, value, unit, unit === '' ? '定性指标' : '定量指标', '反映完成情况', '9'];
      sheet.addRow(row);
      rows.push(row);
    });
  }
  return { content: Buffer.from(await workbook.xlsx.writeBuffer()), rows };
}
