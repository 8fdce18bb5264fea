// Part of npm run bench: every warning and check of a 3,000-report round (30,000 rows), computed by
// the domain's assessReport as the API does on save, against reading the same rows from PostgreSQL.
import { assessReport, DEFAULT_PROFILE, ReportRow } from '../libs/domain/src/index';

const REPORTS = 3000;
const PACE = [1, 0.9, 1.1, 1, 0.7, 0.4, 1.3, 1];
const kinds: [string, string, string, string, string][] = [
  ['产出指标', '数量指标', '≥', '12', '次'], ['产出指标', '数量指标', '≥', '95', '%'], ['产出指标', '质量指标', '≥', '98', '%'], ['产出指标', '时效指标', '≤', '10', '天'],
  ['产出指标', '成本指标', '≤', '90', '万元'], ['效益指标', '社会效益指标', '≥', '90', '%'], ['效益指标', '社会效益指标', '定性', '有效提升', ''], ['效益指标', '可持续影响指标', '≥', '3', '项'],
  ['满意度指标', '服务对象满意度指标', '≥', '90', '%'], ['满意度指标', '服务对象满意度指标', '≥', '85', '%'],
];
const reports = Array.from({ length: REPORTS }, (_, p) => ({
  budget: { annual: '1000000.00', executed: String(300000 + ((p * 7919) % 400000)), forecast: '1000000.00' },
  rows: kinds.map(([level1, level2, comparator, value, unit], i): ReportRow => ({
    level1, level2, name: `指标${i + 1}`, comparator, value, unit, kind: comparator === '定性' ? '定性' : '定量',
    // progress spread over the colours as a city's round has it: most on track, some lagging, a few off track or ahead
    current: comparator === '定性' ? '达成目标' : (Number(value) * (comparator === '≤' ? 0.6 : (7 / 12) * PACE[(p + i) % PACE.length])).toFixed(2),
    forecast: value === '有效提升' ? '达成目标' : value,
    likelihood: (p + i) % 13 === 0 ? '有可能' : '确定能',
    reasons: [], reasonNote: '', measures: '',
  })),
}));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times: number[] = [];
let red = 0;
for (let round = 0; round < 7; round++) {
  const t0 = process.hrtime.bigint();
  red = 0;
  for (const r of reports) if (assessReport(r.budget, r.rows, 7, DEFAULT_PROFILE.warningRules, DEFAULT_PROFILE.deviationCategories).colour === 'red') red++;
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
console.log(JSON.stringify({ reports: REPORTS, rows: REPORTS * kinds.length, ms: median(times.slice(2)), red }));
