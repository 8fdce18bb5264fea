import { SelfEvaluationSummaryDto } from '@pm/api-contract';
import { Grade, GRADES, SettingsProfile } from '@pm/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { GRADE_COLOURS, RESULTS_TEXT, UNFILED_COLOUR } from './results.text';

type Point = SelfEvaluationSummaryDto['points'][number];

/** Project names go into tooltips as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The summary's counts: per grade, unfiled, and flagged (all of the year's, not only the plotted points). */
export function countsOf(summary: SelfEvaluationSummaryDto): { grades: Record<Grade, number>; unfiled: number; flagged: number } {
  const grades = Object.fromEntries(GRADES.map((g) => [g, summary.byDepartment.reduce((n, d) => n + d.grades[g], 0)])) as Record<Grade, number>;
  return { grades, unfiled: summary.byDepartment.reduce((n, d) => n + d.unfiled, 0), flagged: summary.flagged };
}

/** What the list below the charts shows: one department (or all), one grade, or those not filed yet. */
export interface ListFilter {
  departmentId: string | null;
  grade: Grade | null;
  unfiled: boolean;
}

/** What a click on the department chart asks the list for: a segment its department and grade (or 未填报), a department's name all of it. */
export function filterOfDepartmentClick(summary: SelfEvaluationSummaryDto, event: { componentType?: string; seriesName?: string; dataIndex?: number; value?: unknown }): ListFilter | null {
  if (event.componentType === 'yAxis') {
    const department = summary.byDepartment.find((d) => d.departmentName === event.value);
    return department ? { departmentId: department.departmentId, grade: null, unfiled: false } : null;
  }
  const department = event.dataIndex === undefined ? undefined : summary.byDepartment[event.dataIndex];
  if (!department) return null;
  if (event.seriesName === RESULTS_TEXT.unfiled) return { departmentId: department.departmentId, grade: null, unfiled: true };
  const grade = GRADES.find((g) => g === event.seriesName);
  return grade ? { departmentId: department.departmentId, grade, unfiled: false } : null;
}

/** Stacked bars: each department's evaluations by grade, and those not filed yet. */
export function departmentGrades(summary: SelfEvaluationSummaryDto): EChartsCoreOption {
  const bar = (name: string, color: string, data: number[]) => ({ type: 'bar', stack: 'grades', name, barMaxWidth: 28, itemStyle: { color }, label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') }, data });
  const tooltip = (params: { dataIndex: number; marker: string; seriesName: string; value: number }[]) => {
    const d = summary.byDepartment[params[0]?.dataIndex ?? -1];
    if (!d) return '';
    const lines = params.filter((p) => p.value).map((p) => `${p.marker}${escapeHtml(p.seriesName)} ${p.value} 张`);
    if (d.flagged) lines.push(`<span style="color:#cf1322">▲ ${RESULTS_TEXT.flagged} ${d.flagged} 张</span>`);
    return [`<b>${escapeHtml(d.departmentName)}</b>`, ...lines, `<span style="color:#8c8c8c">${RESULTS_TEXT.clickToFilter}</span>`].join('<br/>');
  };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: summary.byDepartment.map((d) => d.departmentName), inverse: true, triggerEvent: true },
    series: [
      ...GRADES.map((g) => bar(g, GRADE_COLOURS[g], summary.byDepartment.map((d) => d.grades[g]))),
      bar(RESULTS_TEXT.unfiled, UNFILED_COLOUR, summary.byDepartment.map((d) => d.unfiled)),
    ],
  };
}

/** A histogram of totals in bands of 10 points (below 60 in one). */
export function scoreHistogram(summary: SelfEvaluationSummaryDto): EChartsCoreOption {
  const label = (b: { from: number; to: number }) => (b.from === 0 ? `< ${b.to}` : `${b.from}–${b.to}`);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v} 张` },
    grid: { left: 8, right: 8, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'category', data: summary.distribution.map(label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: RESULTS_TEXT.evaluations, data: summary.distribution.map((b) => b.count), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'top', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') }, barCategoryGap: '10%' }],
  };
}

/**
 * Budget execution rate (x, %) against total (y), one point a project coloured by grade; flagged
 * projects as triangles; the grade bands as lines. A point's `id` opens its evaluation.
 */
export function rateScatter(points: readonly Point[], bands: SettingsProfile['gradeBands']): EChartsCoreOption {
  const plotted = points.filter((p) => p.rate !== null);
  const item = (p: Point) => ({ value: [Number(p.rate), Number(p.total)], id: p.id, name: p.projectName, point: p, itemStyle: { color: GRADE_COLOURS[p.grade] } });
  const tooltip = (params: { data: { point: Point } }) => {
    const p = params.data.point;
    return `<b>${escapeHtml(p.projectName)}</b><br/>执行率 ${p.rate}% · 总分 ${p.total}（${p.grade}）${p.flagged ? `<br/><span style="color:#cf1322">${RESULTS_TEXT.flagged}</span>` : ''}`;
  };
  const bandLines = {
    symbol: 'none',
    silent: true,
    lineStyle: { type: 'dashed', color: '#8c8c8c' },
    label: { position: 'insideStartTop', formatter: (p: { name: string }) => p.name },
    data: (['优', '良', '中'] as const).map((g) => ({ name: `${g} ≥ ${bands[g]}`, yAxis: Number(bands[g]) })),
  };
  const maxRate = Math.max(100, ...plotted.map((p) => Math.ceil(Number(p.rate) / 10) * 10));
  return {
    tooltip: { trigger: 'item', formatter: tooltip },
    legend: { top: 0, data: [...GRADES, RESULTS_TEXT.flagged] },
    grid: { left: 8, right: 24, bottom: 24, top: 32, containLabel: true },
    xAxis: { type: 'value', name: RESULTS_TEXT.rate, nameLocation: 'middle', nameGap: 24, min: 0, max: maxRate },
    yAxis: { type: 'value', name: RESULTS_TEXT.total, min: 0, max: 100 },
    series: [
      ...GRADES.map((g, n) => ({
        type: 'scatter',
        name: g,
        symbolSize: 10,
        itemStyle: { color: GRADE_COLOURS[g], opacity: 1 },
        data: plotted.filter((p) => !p.flagged && p.grade === g).map(item),
        ...(n === 0 ? { markLine: bandLines } : {}),
      })),
      { type: 'scatter', name: RESULTS_TEXT.flagged, symbol: 'triangle', symbolSize: 14, itemStyle: { color: '#cf1322', borderColor: '#000', borderWidth: 1 }, data: plotted.filter((p) => p.flagged).map((p) => ({ ...item(p), itemStyle: { color: GRADE_COLOURS[p.grade], borderColor: '#000', borderWidth: 1 } })) },
    ],
  };
}
