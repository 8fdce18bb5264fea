import { ColourCounts, RoundDashboardDto } from '@pm/api-contract';
import { COLOURS } from '@pm/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { COLOUR_TAGS, MONITORING_TEXT } from './monitoring.text';

const SERIES = [...COLOURS.map((c) => ({ key: c, name: COLOUR_TAGS[c].label, color: COLOUR_TAGS[c].color })), { key: 'pending' as const, name: MONITORING_TEXT.pending, color: '#bfbfbf' }];

/** Stacked bars: each department's reports by colour. */
export function departmentBars(dashboard: RoundDashboardDto): EChartsCoreOption {
  const names = dashboard.departments.map((d) => d.departmentName);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true },
    series: SERIES.map((s) => ({ type: 'bar', stack: 'reports', name: s.name, itemStyle: { color: s.color }, data: dashboard.departments.map((d) => d[s.key as keyof ColourCounts]) })),
  };
}

/** A donut of the round's colours. */
export function colourDonut(colours: ColourCounts): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 张（{d}%）' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['38%', '60%'], center: ['50%', '45%'], label: { formatter: '{b} {c}' }, data: SERIES.map((s) => ({ name: s.name, value: colours[s.key as keyof ColourCounts], itemStyle: { color: s.color } })).filter((d) => d.value > 0) }],
  };
}

/** Each department's execution rate against the time progress line. */
export function executionBars(dashboard: RoundDashboardDto): EChartsCoreOption {
  const time = Number(dashboard.timeProgress);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
    grid: { left: 8, right: 16, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'category', data: dashboard.departments.map((d) => d.departmentName), axisLabel: { interval: 0 } },
    // time progress stays in view: the axis reaches at least 100%
    yAxis: { type: 'value', max: (extent: { max: number }) => Math.max(100, Math.ceil(extent.max / 10) * 10), axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: MONITORING_TEXT.rate,
        data: dashboard.departments.map((d) => (d.rate === null ? 0 : Number(d.rate))),
        itemStyle: { color: '#1677ff' },
        markLine: { symbol: 'none', lineStyle: { color: '#cf1322', type: 'dashed' }, label: { formatter: `${MONITORING_TEXT.timeProgress} ${dashboard.timeProgress}%` }, data: [{ yAxis: time }] },
      },
    ],
  };
}
