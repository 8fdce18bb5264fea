import { CORE_2021_PROFILE, DEFAULT_PROFILE, SettingsProfile } from './settings-profile';
import { profileProblems } from './profile-rules';

const fields = (p: SettingsProfile) => profileProblems(p).map((x) => x.field);
const messages = (p: SettingsProfile) => profileProblems(p).map((x) => x.message).join('；');

describe('a settings profile can score a year only when its parameters hold together', () => {
  it('the built-in profiles are sound', () => {
    expect(profileProblems(DEFAULT_PROFILE)).toEqual([]);
    expect(profileProblems(CORE_2021_PROFILE)).toEqual([]);
    expect(profileProblems({ ...DEFAULT_PROFILE, reverseRule: 'linear', overshootThreshold: '1.3' })).toEqual([]);
  });

  it('indicator points and the budget weight make 100, and the suggested split makes the indicator total', () => {
    expect(messages({ ...DEFAULT_PROFILE, budgetWeight: '20' })).toContain('之和应为 100');
    expect(fields({ ...DEFAULT_PROFILE, indicatorWeightTotal: '80', budgetWeight: '20' })).toEqual(['suggestedSplit']);
    expect(profileProblems({ ...DEFAULT_PROFILE, indicatorWeightTotal: '80', budgetWeight: '20', suggestedSplit: { 产出指标: '50', 效益指标: '20', 满意度指标: '10' } })).toEqual([]);
    expect(fields({ ...DEFAULT_PROFILE, suggestedSplit: { 产出指标: '50', 效果指标: '30', 满意度指标: '10' } })).toContain('suggestedSplit.效果指标');
  });

  it('grade bands run 优 > 良 > 中 within 0–100', () => {
    expect(fields({ ...DEFAULT_PROFILE, gradeBands: { 优: '80', 良: '90', 中: '60' } })).toEqual(['gradeBands']);
    expect(messages({ ...DEFAULT_PROFILE, gradeBands: { 优: '120', 良: '80', 中: '60' } })).toContain('“优”的分数线应在 0–100 之间');
    expect(messages({ ...DEFAULT_PROFILE, gradeBands: { 优: '九十', 良: '80', 中: '60' } })).toContain('“优”的分数线应为数字');
  });

  it('the overshoot threshold is a multiple of the target above 1 (120 % is 1.2)', () => {
    expect(fields({ ...DEFAULT_PROFILE, overshootThreshold: '0.8' })).toEqual(['overshootThreshold']);
    expect(fields({ ...DEFAULT_PROFILE, reverseRule: 'square' as 'ratio' })).toEqual(['reverseRule']);
  });

  it('warning lines run 红 < 黄 < 蓝, the lag rule 黄 < 红, floors never fall month on month', () => {
    const rules = DEFAULT_PROFILE.warningRules;
    expect(fields({ ...DEFAULT_PROFILE, warningRules: { ...rules, ratio: { red: '80', yellow: '60', blue: '120' } } })).toEqual(['warningRules.ratio']);
    expect(fields({ ...DEFAULT_PROFILE, warningRules: { ...rules, lag: { yellow: '20', red: '10' } } })).toEqual(['warningRules.lag']);
    expect(fields({ ...DEFAULT_PROFILE, warningRules: { ...rules, floors: { '4': '25', '6': '20' } } })).toEqual(['warningRules.floors.6']);
    expect(fields({ ...DEFAULT_PROFILE, warningRules: { ...rules, floors: { '13': '25' } } })).toEqual(['warningRules.floors.13']);
  });

  it('the three tiers cover 0–100 % of the weight without gaps or overlaps', () => {
    const tiers = DEFAULT_PROFILE.qualitativeTiers;
    expect(profileProblems({ ...DEFAULT_PROFILE, qualitativeTiers: { 达成年度指标: ['85', '100'], 部分达成年度指标并具有一定效果: ['60', '85'], 未达成年度指标且效果较差: ['0', '60'] } })).toEqual([]);
    expect(messages({ ...DEFAULT_PROFILE, qualitativeTiers: { ...tiers, 达成年度指标: ['85', '100'] } })).toContain('“达成年度指标”的下限应等于“部分达成年度指标并具有一定效果”的上限');
    expect(messages({ ...DEFAULT_PROFILE, qualitativeTiers: { ...tiers, 未达成年度指标且效果较差: ['10', '60'] } })).toContain('应从 0% 起');
  });

  it('deviation categories are named once each, and the profile has a name', () => {
    expect(fields({ ...DEFAULT_PROFILE, deviationCategories: [] })).toEqual(['deviationCategories']);
    expect(fields({ ...DEFAULT_PROFILE, deviationCategories: ['经费保障', '经费保障'] })).toEqual(['deviationCategories']);
    expect(fields({ ...DEFAULT_PROFILE, name: ' ' })).toEqual(['name']);
    expect(fields({ ...DEFAULT_PROFILE, requiredLevel1: ['产出指标', '效果指标'] })).toEqual(['requiredLevel1']);
  });
});
