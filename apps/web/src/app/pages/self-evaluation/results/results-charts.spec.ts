import { SelfEvaluationSummaryDto } from '@pm/api-contract';
import { countsOf, filterOfDepartmentClick } from './results-charts';

const none = { 优: 0, 良: 0, 中: 0, 差: 0 };
const SUMMARY: SelfEvaluationSummaryDto = {
  fiscalYear: 2026,
  evaluations: 7,
  byDepartment: [
    { departmentId: 'zfb', departmentName: '曲靖市人民政府办公室', grades: { ...none, 优: 2, 良: 1 }, unfiled: 1, flagged: 2 },
    { departmentId: 'xfj', departmentName: '曲靖市信访局', grades: { ...none, 中: 1 }, unfiled: 2, flagged: 1 },
  ],
  flagged: 3,
  distribution: [],
  // the summary plots at most 2,000 points: only one of the three flagged is among them here
  points: [{ id: 'e1', projectName: '督办及调研工作经费', rate: '95.00', total: '94.50', grade: '优', flagged: true }],
};

describe('the results dashboard', () => {
  it('counts every flagged evaluation of the year, not only the plotted points', () => {
    expect(countsOf(SUMMARY)).toEqual({ grades: { 优: 2, 良: 1, 中: 1, 差: 0 }, unfiled: 3, flagged: 3 });
  });

  it('filters the list by the department and grade of the segment clicked, 未填报 by unfiled', () => {
    expect(filterOfDepartmentClick(SUMMARY, { componentType: 'series', seriesName: '良', dataIndex: 0 })).toEqual({ departmentId: 'zfb', grade: '良', unfiled: false });
    expect(filterOfDepartmentClick(SUMMARY, { componentType: 'series', seriesName: '未填报', dataIndex: 1 })).toEqual({ departmentId: 'xfj', grade: null, unfiled: true });
  });

  it('filters by the department alone when its name is clicked, and ignores clicks elsewhere', () => {
    expect(filterOfDepartmentClick(SUMMARY, { componentType: 'yAxis', value: '曲靖市信访局' })).toEqual({ departmentId: 'xfj', grade: null, unfiled: false });
    expect(filterOfDepartmentClick(SUMMARY, { componentType: 'yAxis', value: '不存在的部门' })).toBeNull();
    expect(filterOfDepartmentClick(SUMMARY, { componentType: 'series', seriesName: '良', dataIndex: 5 })).toBeNull();
    expect(filterOfDepartmentClick(SUMMARY, { componentType: 'legend', seriesName: '良' })).toBeNull();
  });
});
