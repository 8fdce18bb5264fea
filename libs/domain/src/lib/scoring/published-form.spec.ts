import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROFILE } from '../settings/settings-profile';
import { readSelfEvaluations } from '../tables/self-evaluation-reader';
import { rowsOfText } from '../tables/target-table-reader';
import { integrityFlags } from './integrity-flags';
import { evaluationOfForm } from './published-form';
import { scoreSelfEvaluation, scoringParametersOf } from './score';

const SEED_001 = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'seeds', 'qujing-govoffice-2024-final-accounts-and-self-evaluation.txt');
const params = scoringParametersOf(DEFAULT_PROFILE);

describe('the fourteen published 2024 项目支出绩效自评表 of the final accounts, scored by the engine', () => {
  const { forms } = readSelfEvaluations([{ name: 'seed001', rows: rowsOfText(readFileSync(SEED_001, 'utf8')) }]);

  it('reads each table whole: money, goal, rows with 分值 and 得分, 总分 and 等级', () => {
    expect(forms).toHaveLength(14);
    const office = forms.find((f) => f.projectName === '政府办机关专项经费');
    expect(office).toMatchObject({ departmentName: '曲靖市人民政府办公室', unitName: '曲靖市人民政府办公室（本级）', money: { initial: '900000.00', annual: '376059.00', executed: '376059.00', weight: '10', score: '10' }, total: '100', grade: '优' });
    expect(office?.indicators.map((r) => [r.name, r.kind, r.weight, r.score])).toEqual([
      ['办公用品及设备购置完成率', '定量', '20.00', '20.00'],
      ['聘请劳务人员数', '定量', '20.00', '20.00'],
      ['绿化养护面积', '定量', '10.00', '10.00'],
      ['提供舒适的办公环境', '定性', '20.00', '20.00'],
      ['外来办事人员、机关工作人员满意度', '定量', '20.00', '20.00'],
    ]);
  });

  it.each(forms.map((f) => [f.projectName, f] as const))('reproduces the published 得分, 总分 and 等级 of %s, and flags every actual equal to its target', (_, form) => {
    const { budget, indicators } = evaluationOfForm(form, params.qualitativeTiers);
    const card = scoreSelfEvaluation(budget, indicators, params);
    expect(card.budget.score).toBe(Number(form.money.score).toFixed(2));
    expect(card.indicators.map((i) => i.score)).toEqual(form.indicators.map((r) => Number(r.score).toFixed(2)));
    expect([card.total, card.grade]).toEqual([Number(form.total).toFixed(2), form.grade]);
    expect(integrityFlags(budget, indicators, card).map((f) => f.code)).toContain('actuals-equal-targets');
  });
});
