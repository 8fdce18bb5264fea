import { DEFAULT_PROFILE } from '../settings/settings-profile';
import { decide } from '../workflow/review-chain';
import { checkDepartmentTarget, DEPARTMENT_TARGET_CHAIN, DepartmentTargetContent } from './department-target';

/** 曲靖市人民政府办公室（本级）, 2026 budget: 27,140,532.56 = 基本 24,350,532.56 + 项目 2,790,000.00. */
const target: DepartmentTargetContent = {
  duties: ['牵头完成政府工作报告等文稿起草工作'],
  tasks: [{ name: '督查督办', content: '围绕市委、市政府重大决策部署开展督查' }],
  budget: { total: '27140532.56', basic: '24350532.56', project: '2790000.00', appropriation: '27140532.56', carryOver: '0', other: '0' },
  indicators: [
    { level1: '产出指标', level2: '数量指标', name: '督办、调研次数', comparator: '≥', value: '20', unit: '次', kind: '定量', weight: null },
    { level1: '效益指标', level2: '社会效益指标', name: '门户网站访问人数增加率', comparator: '≥', value: '5', unit: '%', kind: '定量', weight: null },
    { level1: '履职效能', level2: '履职效能', name: '重点工作按期完成率', comparator: '≥', value: '95', unit: '%', kind: '定量', weight: null },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '机关办事人员满意度', comparator: '≥', value: '90', unit: '%', kind: '定量', weight: null },
  ],
};

describe('the department overall target', () => {
  it('passes when duties, tasks, budget and indicators are in order — no weights needed', () => {
    expect(checkDepartmentTarget(target, DEFAULT_PROFILE)).toEqual([]);
  });

  it('checks the budget both by kind and by source, to the cent', () => {
    const checks = checkDepartmentTarget({ ...target, budget: { ...target.budget, project: '2789999.99', carryOver: '0.01' } }, DEFAULT_PROFILE);
    expect(checks.map((c) => c.message)).toEqual([
      '预算总额 27,140,532.56 元不等于基本支出与项目支出之和 27,140,532.55 元',
      '预算总额 27,140,532.56 元不等于财政拨款、上年结转与其他资金之和 27,140,532.57 元',
    ]);
  });

  it('uses the department dictionary (投入管理指标, 履职效能) and requires 产出 and 效益', () => {
    const checks = checkDepartmentTarget({ ...target, duties: [' '], indicators: [{ ...target.indicators[0], level1: '投入管理指标', level2: '绩效管理' }] }, DEFAULT_PROFILE);
    expect(checks.map((c) => c.code)).toEqual(['duties-missing', 'level1-missing', 'level1-missing', 'satisfaction-missing']);
  });

  const author = (role: string) => role === 'department_reviewer';
  it.each([
    ['the department submits its draft', 'draft', 'submit', 'department_reviewer', false, { ok: true, status: 'submitted' }],
    ['finance approves (批复)', 'submitted', 'approve', 'finance_reviewer', false, { ok: true, status: 'approved' }],
    ['the department cannot return', 'submitted', 'return', 'department_reviewer', false, { ok: false, refusal: 'forbidden', message: '只有财政审核可以退回部门整体绩效目标' }],
    ['a project lead cannot edit it', 'draft', 'save', 'project_lead', false, { ok: false, refusal: 'forbidden', message: '只有主管部门审核可以保存部门整体绩效目标' }],
    ['an approved target is not edited', 'approved', 'save', 'department_reviewer', false, { ok: false, refusal: 'conflict', message: '部门整体绩效目标当前为“已批复”，不能保存' }],
    ['nobody approves what they submitted', 'submitted', 'approve', 'finance_reviewer', true, { ok: false, refusal: 'forbidden', message: '不能审核自己提交的部门整体绩效目标' }],
  ] as const)('%s', (_, status, action, role, submittedIt, result) => {
    expect(decide(DEPARTMENT_TARGET_CHAIN, { status, action, role, isAuthor: author(role), submittedIt })).toMatchObject(result);
  });

  it('needs a comment to return', () => {
    expect(decide(DEPARTMENT_TARGET_CHAIN, { status: 'submitted', action: 'return', role: 'finance_reviewer', isAuthor: false, submittedIt: false })).toEqual({ ok: false, refusal: 'invalid', message: '退回时请填写退回意见' });
  });

  it('refuses another department writing it', () => {
    expect(decide(DEPARTMENT_TARGET_CHAIN, { status: 'draft', action: 'save', role: 'department_reviewer', isAuthor: false, submittedIt: false })).toEqual({ ok: false, refusal: 'forbidden', message: '您只能为本单位办理此项业务' });
  });
});
