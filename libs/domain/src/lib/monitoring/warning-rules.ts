/**
 * The warning rules of SPEC §5 as data in the settings profile. The FASP ratio rule is the
 * default; the lag in points and the monthly floors are the other known rule sets; time
 * pro-rating may apply to every indicator or only to 数量 / 效益 / 满意度, with 质量 / 时效 / 成本
 * checked against their target as a range. Thresholds are percents, lower bounds inclusive.
 */
export interface WarningRules {
  method: 'ratio' | 'lag' | 'floors';
  /** v < red → 红; red ≤ v < yellow → 黄; yellow ≤ v < blue → 绿; v ≥ blue → 蓝 (正向 indicators only). */
  ratio: { red: string; yellow: string; blue: string };
  /** Points the progress trails time progress by: ≥ yellow → 黄, ≥ red → 红. */
  lag: { yellow: string; red: string };
  /** Cumulative floors by cut-off month (`{ "4": "25", … }`), the highest month not after the cut-off applies. */
  floors: Record<string, string>;
  /** Points below the floor still 黄 rather than 红. */
  floorYellowBand: string;
  /** `all`: every indicator pro-rated by m/12; `partial`: only 数量 / 效益 / 满意度, the rest checked as a range. */
  proRate: 'all' | 'partial';
}

export const DEFAULT_WARNING_RULES: WarningRules = {
  method: 'ratio',
  ratio: { red: '60', yellow: '80', blue: '120' },
  lag: { yellow: '10', red: '20' },
  floors: { '4': '25', '6': '40', '8': '60', '10': '80' },
  floorYellowBand: '10',
  proRate: 'all',
};

export const WARNING_METHOD_LABELS: Record<WarningRules['method'], string> = {
  ratio: '比值法（完成进度 ÷ 时间进度）',
  lag: '差距法（落后时间进度的百分点）',
  floors: '序时进度底线（1-4月 25%、1-6月 40%、1-8月 60%、1-10月 80%）',
};

/** 完成目标可能性 (SPEC §5). */
export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

/** The three phrases a 定性 indicator reports at a cut-off. */
export const QUALITATIVE_PROGRESS = ['达成目标', '部分达成目标并具有一定效果', '未达成目标且效果较差'] as const;
export type QualitativeProgress = (typeof QUALITATIVE_PROGRESS)[number];
