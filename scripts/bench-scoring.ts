// Part of npm run bench: every score, check and integrity flag of 3,000 self-evaluations (30,000
// rows), computed by the domain as the API does on save, and a what-if of all of them under another
// profile (the linear 反向 rule, a 130 % overshoot threshold).
import { checkSelfEvaluation, DEFAULT_PROFILE, EvaluatedIndicator, integrityFlags, scoreSelfEvaluation, scoringParametersOf, whatIf } from '../libs/domain/src/index';

const EVALUATIONS = 3000;
const PACE = [1, 0.9, 1.1, 1, 0.7, 0.4, 1.3, 1];
const rows: [string, string, string, string, string, string][] = [
  ['产出指标', '数量指标', '≥', '12', '次', '15'], ['产出指标', '数量指标', '≥', '95', '%', '10'], ['产出指标', '质量指标', '=', '100', '%', '10'], ['产出指标', '时效指标', '≤', '10', '天', '5'],
  ['产出指标', '成本指标', '≤', '90', '万元', '10'], ['效益指标', '社会效益指标', '≥', '90', '%', '10'], ['效益指标', '社会效益指标', '定性', '有效提升', '', '10'], ['效益指标', '可持续影响指标', '≥', '3', '项', '10'],
  ['满意度指标', '服务对象满意度指标', '≥', '90', '%', '5'], ['满意度指标', '服务对象满意度指标', '≥', '85', '%', '5'],
];
const parameters = scoringParametersOf(DEFAULT_PROFILE);
const evaluations = Array.from({ length: EVALUATIONS }, (_, e) => ({
  selfEvaluationId: String(e),
  projectName: `项目${e}`,
  budget: { initial: '1000000.00', adjustment: '0', executed: String(700000 + ((e * 7919) % 300000)) },
  parameters,
  indicators: rows.map(([level1, level2, comparator, value, unit, weight], i): EvaluatedIndicator & { indicatorId: string } => {
    const pace = PACE[(e + i) % PACE.length];
    const tier = comparator === '定性';
    return {
      indicatorId: `${e}-${i}`, level1, level2, name: `指标${i + 1}`, comparator, value, unit, kind: tier ? '定性' : '定量', weight,
      actual: tier ? '有效提升' : (Number(value) * (comparator === '≤' ? 2 - pace : pace)).toFixed(2),
      tier: tier ? '达成年度指标' : null, tierScore: tier ? '9' : null, applicable: true, deviationNote: pace === 1 ? '' : '受人员调整影响，部分工作推迟',
    };
  }),
}));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const scoring: number[] = [];
let grades = { 优: 0, 良: 0, 中: 0, 差: 0 };
for (let round = 0; round < 7; round++) {
  grades = { 优: 0, 良: 0, 中: 0, 差: 0 };
  const t0 = process.hrtime.bigint();
  for (const e of evaluations) {
    const card = scoreSelfEvaluation(e.budget, e.indicators, e.parameters);
    checkSelfEvaluation(e.budget, e.indicators, card);
    integrityFlags(e.budget, e.indicators, card);
    grades[card.grade]++;
  }
  scoring.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const other = scoringParametersOf({ ...DEFAULT_PROFILE, name: '线性反向、130%', reverseRule: 'linear', overshootThreshold: '1.3' });
const whatIfs: number[] = [];
let changes = 0;
for (let round = 0; round < 5; round++) {
  const t0 = process.hrtime.bigint();
  changes = whatIf(evaluations, other).length;
  whatIfs.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
console.log(JSON.stringify({ evaluations: EVALUATIONS, rows: EVALUATIONS * rows.length, scoringMs: median(scoring.slice(2)), whatIfMs: median(whatIfs.slice(1)), changes, grades }));
