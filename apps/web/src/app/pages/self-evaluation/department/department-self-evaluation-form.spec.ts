import { DepartmentSelfEvaluationDto, FiscalYearDto, SettingsProfileDto } from '@pm/api-contract';
import { DEFAULT_PROFILE, scoringParametersOf } from '@pm/domain';
import { inputOf, liveFigures, placeOf, projectsDifference, projectsLine, saveRequestOf, yearParameters } from './department-self-evaluation-form';

const line = (initial: string, adjustment: string, executed: string) => ({ initial, adjustment, executed, annual: '', rate: null });
const indicator = (id: string, name: string, comparator: string, value: string, unit: string, kind = '定量') => ({ id, level1: '产出指标', level2: '数量指标', name, comparator, value, unit, kind, actual: null, deviationNote: '' });

/** A department's table as the server prefills it: the projects' money in 项目支出, nothing executed in 基本支出. */
function evaluation(): DepartmentSelfEvaluationDto {
  return {
    departmentId: 'd1',
    departmentName: '曲靖市档案馆',
    fiscalYear: 2026,
    version: 0,
    status: 'draft',
    budget: { basic: line('4200000.00', '0.00', ''), project: line('800000.00', '-20000.00', '760000.00'), total: line('5000000.00', '-20000.00', '760000.00') },
    fromProjects: { initial: '800000.00', adjustment: '-20000.00', executed: '760000.00', evaluations: 1 },
    duties: [{ duty: '档案接收进馆', result: '' }],
    indicators: [indicator('i1', '档案接收数量', '≥', '12000', '卷'), indicator('i2', '档案损毁率', '≤', '1', '%'), indicator('i3', '档案利用服务', '定性', '明显提升', '', '定性')],
    notes: '',
    targetApproved: true,
    lastComment: null,
    checks: [],
    actions: ['save', 'submit'],
  };
}
const PARAMETERS = scoringParametersOf(DEFAULT_PROFILE);

describe('the 部门整体支出绩效自评表 form', () => {
  it('recomputes 预算确定数 and 执行率 of each line and of the whole as the clerk types, in decimals', () => {
    const e = evaluation();
    const input = inputOf(e);
    input.budget.basic = { initial: '4200000.00', adjustment: '150000', executed: '4350000' };
    const { budget } = liveFigures(e, input, PARAMETERS);
    expect(budget.basic).toMatchObject({ annual: '4350000.00', rate: '100.00' });
    expect(budget.project).toMatchObject({ annual: '780000.00', rate: '97.44' });
    expect(budget.total).toMatchObject({ initial: '5000000.00', adjustment: '130000.00', annual: '5130000.00', executed: '5110000.00', rate: '99.61' });
  });

  it('asks for 基本支出执行数, each goal’s 完成情况 and every 实际完成值 before submitting, each at its place', () => {
    const e = evaluation();
    const checks = liveFigures(e, inputOf(e), PARAMETERS).checks;
    expect(checks.map((c) => [c.code, placeOf(c)])).toEqual([
      ['executed-missing', { budget: 'basic.executed' }],
      ['duty-result-missing', { duty: 0 }],
      ['actual-missing', { indicatorRow: 1 }],
      ['actual-missing', { indicatorRow: 2 }],
      ['actual-missing', { indicatorRow: 3 }],
    ]);
  });

  it('marks the 偏差原因 a shortfall needs, and keeps it marked once written', () => {
    const e = evaluation();
    const input = inputOf(e);
    input.indicators = [{ actual: '11500', deviationNote: '' }, { actual: '0.5', deviationNote: '' }, { actual: '查档服务 3000 人次', deviationNote: '' }];
    let figures = liveFigures(e, input, PARAMETERS);
    expect(figures.needsNote).toEqual([true, false, false]);
    expect(figures.checks.filter((c) => c.code === 'deviation-note-missing').map((c) => c.row)).toEqual([1]);
    input.indicators[0].deviationNote = '库房改造推迟，500 卷顺延至次年接收';
    figures = liveFigures(e, input, PARAMETERS);
    expect(figures.needsNote).toEqual([true, false, false]);
    expect(figures.checks.filter((c) => c.code === 'deviation-note-missing')).toEqual([]);
  });

  it('adds up the projects’ 自评表 as a line beside 项目支出 and tells the difference', () => {
    expect(projectsLine(evaluation(), PARAMETERS)).toMatchObject({ annual: '780000.00', rate: '97.44' });
    expect(projectsDifference('750000', '760000.00')).toBe('-10000.00');
    expect(projectsDifference('760,000.00', '760000.00')).toBe('0.00');
    expect(projectsDifference('', '760000.00')).toBeNull();
  });

  it('sends amounts without separators, blank results as null, and the notes', () => {
    const e = evaluation();
    const input = inputOf(e);
    input.budget.basic = { initial: '4,200,000.00', adjustment: ' 150 000 ', executed: '4,350,000' };
    input.indicators[0].actual = ' 12500 ';
    input.notes = '无';
    expect(saveRequestOf(e, input)).toEqual({
      version: 0,
      budget: { basic: { initial: '4200000.00', adjustment: '150000', executed: '4350000' }, project: { initial: '800000.00', adjustment: '-20000.00', executed: '760000.00' } },
      duties: [{ duty: '档案接收进馆', result: '' }],
      indicators: [
        { id: 'i1', actual: '12500', deviationNote: '' },
        { id: 'i2', actual: null, deviationNote: '' },
        { id: 'i3', actual: null, deviationNote: '' },
      ],
      notes: '无',
    });
  });

  it('checks with the year’s profile, else the default one, as the server does', () => {
    const linear: SettingsProfileDto = { id: 'p2', isDefault: false, profile: { ...DEFAULT_PROFILE, name: '线性反向', reverseRule: 'linear' } };
    const standard: SettingsProfileDto = { id: 'p1', isDefault: true, profile: DEFAULT_PROFILE };
    const years: FiscalYearDto[] = [
      { year: 2026, status: 'open', profileId: 'p2', targetDeadline: null },
      { year: 2025, status: 'closed', profileId: null, targetDeadline: null },
    ];
    expect(yearParameters(2026, years, [standard, linear])).toMatchObject({ name: '线性反向', reverseRule: 'linear' });
    expect(yearParameters(2025, years, [standard, linear])).toMatchObject({ name: DEFAULT_PROFILE.name, reverseRule: 'ratio' });
    expect(yearParameters(2026, years, [])).toEqual(PARAMETERS);
  });
});
