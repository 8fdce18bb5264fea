import { normaliseIndicatorName } from '../indicators/dictionary';
import { ImportNote, TableSource } from './target-table-reader';
import { cellText } from './cell-text';

/** The columns of a 项目支出绩效目标执行监控表, found by their header text. */
export const MONITORING_COLUMNS = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标'],
  current: ['截至当前完成值', '执行情况', '1-7月执行情况', '截至目前完成值'],
  forecast: ['全年预计完成值', '全年预计完成情况'],
  likelihood: ['完成目标可能性'],
  reasons: ['偏差原因', '偏差原因分析'],
  reasonNote: ['偏差原因说明', '原因说明'],
  measures: ['纠偏措施', '备注'],
  indicatorId: ['指标编号'],
} as const;
type MonitoringColumn = keyof typeof MONITORING_COLUMNS;

export interface MonitoringTableRow {
  /** Row in the source, from 1. */
  row: number;
  indicatorId: string | null;
  level1: string;
  level2: string;
  name: string;
  current: string | null;
  forecast: string | null;
  likelihood: string | null;
  reasons: string[];
  reasonNote: string;
  measures: string;
}

export interface MonitoringTableReading {
  source: string | null;
  executed: string | null;
  forecast: string | null;
  goalProgress: string | null;
  rows: MonitoringTableRow[];
  errors: ImportNote[];
}

const compact = (text: string | null | undefined) => (text ?? '').replace(/[\s\u3000]/g, '');
const cellOf = (cells: readonly (string | null | undefined)[], i: number | undefined) => (i === undefined ? '' : cellText(cells[i]));
const amountOf = (text: string) => {
  const t = text.replace(/[,，\s元]/g, '');
  return t === '' ? null : t;
};

function columnOf(cell: string): MonitoringColumn | null {
  const text = compact(cell).replace(/（.*）$/, '');
  for (const [column, names] of Object.entries(MONITORING_COLUMNS) as [MonitoringColumn, readonly string[]][]) {
    if (names.some((n) => compact(n) === text) || (column === 'current' && /^1-\d+月(执行情况|完成值)$/.test(text))) return column;
  }
  return null;
}

/**
 * A 监控表 filled in Excel, as the export writes it (and as clerks keep it): the money block by its
 * labels (1-m月执行数, 全年预计执行数, 总体目标完成情况), then one row per indicator under the header
 * that names 三级指标 and 完成目标可能性. Rows carry the hidden 指标编号 of the export when it survived.
 */
export function readMonitoringTable(sources: readonly TableSource[]): MonitoringTableReading {
  for (const source of sources) {
    const headerAt = source.rows.findIndex((cells) => {
      const columns = new Set(cells.map((c) => columnOf(c ?? '')));
      return columns.has('name') && columns.has('likelihood');
    });
    if (headerAt < 0) continue;
    const columns = new Map<MonitoringColumn, number>();
    source.rows[headerAt].forEach((cell, i) => {
      const column = columnOf(cell ?? '');
      if (column && !columns.has(column)) columns.set(column, i);
    });
    const reading: MonitoringTableReading = { source: source.name, executed: null, forecast: null, goalProgress: null, rows: [], errors: [] };
    source.rows.slice(0, headerAt).forEach((cells) => {
      cells.forEach((cell, i) => {
        const label = compact(cell);
        const next = () => cellOf(cells, i + 1);
        if (/^1-\d+月执行数/.test(label)) reading.executed = amountOf(next());
        else if (label.startsWith('全年预计执行数')) reading.forecast = amountOf(next());
        else if (label.startsWith('总体目标完成情况')) reading.goalProgress = next();
      });
    });
    let level1 = '';
    let level2 = '';
    source.rows.slice(headerAt + 1).forEach((cells, offset) => {
      const row = headerAt + offset + 2;
      const name = cellOf(cells, columns.get('name'));
      if (!name || /^(说明|注)[:：]/.test(name)) return;
      // merged 一级 / 二级 cells read as blank below their first row
      level1 = normaliseIndicatorName(cellOf(cells, columns.get('level1')) || level1);
      level2 = normaliseIndicatorName(cellOf(cells, columns.get('level2')) || level2);
      const blankToNull = (text: string) => (text === '' ? null : text);
      reading.rows.push({
        row,
        indicatorId: blankToNull(cellOf(cells, columns.get('indicatorId'))),
        level1,
        level2,
        name,
        current: blankToNull(cellOf(cells, columns.get('current'))),
        forecast: blankToNull(cellOf(cells, columns.get('forecast'))),
        likelihood: blankToNull(cellOf(cells, columns.get('likelihood'))),
        reasons: cellOf(cells, columns.get('reasons')).split(/[、,，;；\s]+/).filter(Boolean),
        reasonNote: cellOf(cells, columns.get('reasonNote')),
        measures: cellOf(cells, columns.get('measures')),
      });
    });
    if (reading.rows.length === 0) reading.errors.push({ source: source.name, row: headerAt + 1, column: null, message: '监控表中没有指标行' });
    return reading;
  }
  return { source: null, executed: null, forecast: null, goalProgress: null, rows: [], errors: [{ source: sources[0]?.name ?? '', row: 1, column: null, message: '没有找到绩效目标执行监控表：表头应含“三级指标”“完成目标可能性”等列' }] };
}
