import { WhatIfResponse } from '@pm/api-contract';
import { Grade, GRADES, WhatIfChange } from '@pm/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { SETTINGS_TEXT } from './settings.text';

export interface ChangeRow extends WhatIfChange {
  key: string;
  /** The budget row, an indicator row, or the total alone. */
  kind: 'budget' | 'indicator' | 'total';
  gradeMoved: boolean;
}

/** The what-if's changes as table rows, with the evaluations touched and those whose grade moves. */
export function changeRows(changes: readonly WhatIfChange[]): { rows: ChangeRow[]; evaluations: number; gradeMoves: number } {
  const rows = changes.map((c, n) => ({
    ...c,
    key: `${c.selfEvaluationId}:${c.indicatorId ?? (c.from.score !== undefined ? 'budget' : 'total')}:${n}`,
    kind: c.indicatorId ? ('indicator' as const) : c.from.score !== undefined ? ('budget' as const) : ('total' as const),
    gradeMoved: c.from.grade !== c.to.grade,
  }));
  const evaluations = new Set(rows.map((r) => r.selfEvaluationId));
  const moved = new Set(rows.filter((r) => r.gradeMoved).map((r) => r.selfEvaluationId));
  return { rows, evaluations: evaluations.size, gradeMoves: moved.size };
}

const BEFORE = '#8c8c8c';
const AFTER = '#1677ff';

/** Side-by-side bars: how many evaluations each grade holds now and under the profile tried. */
export function gradeBars(grades: WhatIfResponse['grades']): EChartsCoreOption {
  const series = (name: string, counts: Record<Grade, number>, color: string) => ({ type: 'bar', name, data: GRADES.map((g) => counts[g]), itemStyle: { color }, label: { show: true, position: 'top', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') }, barMaxWidth: 28 });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'category', data: [...GRADES] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [series(SETTINGS_TEXT.before, grades.from, BEFORE), series(SETTINGS_TEXT.after, grades.to, AFTER)],
  };
}
