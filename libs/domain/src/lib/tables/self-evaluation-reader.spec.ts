import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSelfEvaluations } from './self-evaluation-reader';
import { rowsOfText } from './target-table-reader';

const SEED_001 = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'seeds', 'qujing-govoffice-2024-final-accounts-and-self-evaluation.txt');

describe('the 2024 self-evaluations of seed 001', () => {
  const reading = readSelfEvaluations([{ name: 'seed001', rows: rowsOfText(readFileSync(SEED_001, 'utf8')) }]);

  it('reads every 项目支出绩效自评表 as 2024 results, leaving out the department’s own', () => {
    expect(reading.fiscalYear).toBe(2024);
    expect(reading.tables).toBe(14);
    expect(reading.results).toHaveLength(72);
    expect(reading.errors).toEqual([]);
    expect(new Set(reading.results.map((r) => r.projectName)).size).toBe(14);
  });

  it('keeps each result with its 一级/二级 carried down and numbers as decimals', () => {
    const office = reading.results.filter((r) => r.projectName === '政府办机关专项经费');
    expect(office.map((r) => [r.level1, r.level2, r.name, r.actual])).toEqual([
      ['产出指标', '数量指标', '办公用品及设备购置完成率', '100'],
      ['产出指标', '数量指标', '聘请劳务人员数', '30'],
      ['产出指标', '数量指标', '绿化养护面积', '9000'],
      ['效益指标', '社会效益指标', '提供舒适的办公环境', null],
      ['满意度指标', '服务对象满意度指标', '外来办事人员、机关工作人员满意度', '90'],
    ]);
    expect(office[3].actualText).toBe('作用明显');
  });
});
