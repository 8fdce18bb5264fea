import { normaliseIndicatorName } from '../indicators/dictionary';
import { columnOf } from './table-headers';
import { ImportNote, TableSource } from './target-table-reader';

/** One indicator's actual result in a year's 项目支出绩效自评表. */
export interface ReportedResult {
  projectName: string;
  level1: string;
  level2: string;
  name: string;
  /** 实际完成值 as a decimal string, or null when it is a phrase (作用明显). */
  actual: string | null;
  actualText: string;
}

export interface SelfEvaluationReading {
  /** The year in the tables' titles (2024年度项目支出绩效自评表), when they say. */
  fiscalYear: number | null;
  tables: number;
  results: ReportedResult[];
  errors: ImportNote[];
}

const ACTUAL = /^(实际完成值|全年实际值|实际值)$/;
const TABLE_END = /^(其他需要说明的事项|其他需说明事项|总分|备注)/;
const TITLE = /(\d{4})\s*年度?项目支出绩效自评表/;
const text = (cell: string | null | undefined) => (cell ?? '').toString().trim();

/**
 * Reads 项目支出绩效自评表 (per-project forms: 项目名称 in the block above, then 一级/二级/三级 rows with
 * 实际完成值). Department self-evaluations (部门名称, no 项目名称) are left out: they set no project's targets.
 */
export function readSelfEvaluations(sources: readonly TableSource[]): SelfEvaluationReading {
  const reading: SelfEvaluationReading = { fiscalYear: null, tables: 0, results: [], errors: [] };
  for (const source of sources) {
    const rows = source.rows.map((row) => row.map(text));
    let blockStart = 0;
    for (let i = 0; i < rows.length; i++) {
      const title = TITLE.exec(rows[i].join(''));
      if (title && reading.fiscalYear === null) reading.fiscalYear = Number(title[1]);
      const header = resultHeader(rows[i]);
      if (!header) continue;
      const projectName = labelValue(rows, blockStart, i, /^项目名称$/);
      let end = i + 1;
      while (end < rows.length && !TABLE_END.test(rows[end][0] ?? '') && !resultHeader(rows[end])) end++;
      if (projectName) {
        reading.tables++;
        readResults(rows, i + 1, end, header, projectName, reading);
      }
      blockStart = end;
      i = end - 1;
    }
  }
  return reading;
}

function resultHeader(row: readonly string[]): Record<'level1' | 'level2' | 'name' | 'actual', number> | null {
  const find = (test: (cell: string) => boolean) => row.findIndex((cell) => test(cell.replace(/\s/g, '')));
  const level1 = find((c) => columnOf(c) === 'level1');
  const name = find((c) => columnOf(c) === 'name');
  const actual = find((c) => ACTUAL.test(c));
  if (level1 === -1 || name === -1 || actual === -1) return null;
  return { level1, level2: find((c) => columnOf(c) === 'level2'), name, actual };
}

function labelValue(rows: string[][], from: number, to: number, label: RegExp): string | null {
  for (let r = from; r < to; r++) {
    const at = rows[r].findIndex((cell) => label.test(cell.replace(/[\s：:]/g, '')));
    if (at !== -1) return rows[r].slice(at + 1).find((v) => v !== '') ?? null;
  }
  return null;
}

function readResults(rows: string[][], from: number, to: number, header: Record<'level1' | 'level2' | 'name' | 'actual', number>, projectName: string, reading: SelfEvaluationReading): void {
  let level1 = '';
  let level2 = '';
  for (let r = from; r < to; r++) {
    const cells = rows[r];
    const name = cells[header.name] ?? '';
    if (!name) continue;
    if (cells[header.level1]) {
      level1 = normaliseIndicatorName(cells[header.level1]);
      level2 = '';
    }
    if (header.level2 !== -1 && cells[header.level2]) level2 = normaliseIndicatorName(cells[header.level2]);
    const actualText = cells[header.actual] ?? '';
    const number = /^([+-]?\d+(?:\.\d+)?)\s*%?$/.exec(actualText.replace(/[,，]/g, ''));
    reading.results.push({ projectName, level1, level2, name, actual: number ? number[1] : null, actualText });
  }
}
