import { Regime } from '../indicators/dictionary';
import { DEFAULT_WARNING_RULES, WarningRules } from '../monitoring/warning-rules';

/**
 * A named parameter profile (SPEC §8): a province's rules as data. One profile is chosen per
 * fiscal year; stored results keep the parameters they were computed with.
 */
export interface SettingsProfile {
  name: string;
  regime: Regime;
  /** 一级 every project sheet must have. */
  requiredLevel1: string[];
  /** The indicators' share of the 100 points; the rest is budget execution. */
  indicatorWeightTotal: string;
  budgetWeight: string;
  /** Suggested split of the indicator total over the 一级. */
  suggestedSplit: Record<string, string>;
  /** 反向 scoring: w × t / a (ratio) or w × (1 − (a − t) / t) (linear). */
  reverseRule: 'ratio' | 'linear';
  /** Above this multiple of the target an explanation is required. */
  overshootThreshold: string;
  notApplicableRescale: boolean;
  /** Lower bounds (inclusive) of 优, 良, 中; below 中 is 差. */
  gradeBands: { 优: string; 良: string; 中: string };
  deviationCategories: string[];
  /** How monitoring colours its warnings (SPEC §5). */
  warningRules: WarningRules;
  /** The tiers of a 定性 / 按评判等级赋分 indicator, as percents of its weight: [from, to); the top one includes its end. */
  qualitativeTiers: QualitativeTiers;
}

export const QUALITATIVE_TIER_NAMES = ['达成年度指标', '部分达成年度指标并具有一定效果', '未达成年度指标且效果较差'] as const;
export type QualitativeTier = (typeof QUALITATIVE_TIER_NAMES)[number];
export type QualitativeTiers = Record<QualitativeTier, [string, string]>;

export const DEFAULT_PROFILE: SettingsProfile = {
  name: '默认（财政部 2021 版，传统指标模板）',
  regime: 'classic',
  requiredLevel1: ['产出指标', '效益指标'],
  indicatorWeightTotal: '90',
  budgetWeight: '10',
  suggestedSplit: { 产出指标: '50', 效益指标: '30', 满意度指标: '10' },
  reverseRule: 'ratio',
  overshootThreshold: '1.2',
  notApplicableRescale: true,
  gradeBands: { 优: '90', 良: '80', 中: '60' },
  deviationCategories: ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'],
  warningRules: DEFAULT_WARNING_RULES,
  qualitativeTiers: { 达成年度指标: ['80', '100'], 部分达成年度指标并具有一定效果: ['60', '80'], 未达成年度指标且效果较差: ['0', '60'] },
};

export const CORE_2021_PROFILE: SettingsProfile = {
  ...DEFAULT_PROFILE,
  name: '2021 核心指标模板（成本指标为一级）',
  regime: 'core2021',
  requiredLevel1: ['产出指标', '成本指标', '效益指标'],
  suggestedSplit: { 产出指标: '40', 成本指标: '20', 效益指标: '20', 满意度指标: '10' },
};
