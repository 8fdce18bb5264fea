import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetRepair, readProjectBudgets } from './project-budget-reader';
import { rowsOfText } from './target-table-reader';

const SEEDS = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'seeds');
const seed = (file: string) => readProjectBudgets([{ name: file, rows: rowsOfText(readFileSync(join(SEEDS, file), 'utf8')) }]);
const MEDIUM_TERM = ['项目单位', '项目分类', '项目名称', '项目级次', '一般公共预算', '', ''];
const YEARS = ['', '', '', '', '2026年', '2027年', '2028年'];

describe('the budget tables of a disclosure document: each project’s 项目分类 and this year’s amount', () => {
  it('a 中期规划预算表 in 元: this year’s column, the unit’s own total row and 合计 left out', () => {
    const lines = readProjectBudgets([
      {
        name: 'pasted',
        rows: [
          ['## 2026年部门项目支出中期规划预算表'],
          ['单位：元'],
          MEDIUM_TERM,
          YEARS,
          ['1', '2', '3', '4', '5', '6', '7'],
          ['某某局', '', '', '', '700,000.00', '700,000.00', '700,000.00'],
          ['', '311 专项业务类', '档案数字化经费', '本级', '600,000.00', '500,000.00', '0.00'],
          ['', '民生类', '困难群众补助', '对下', '100,000.50', '', ''],
          ['合 计', '', '', '', '700,000.50', '', ''],
        ],
      },
    ]);
    expect(lines).toEqual([
      { name: '档案数字化经费', code: null, category: '311 专项业务类', level: '本级', amount: '600000.00', table: '2026年部门项目支出中期规划预算表', source: 'pasted', row: 7 },
      // a category named without its code takes the code of the list
      { name: '困难群众补助', code: null, category: '312 民生类', level: '对下', amount: '100000.50', table: '2026年部门项目支出中期规划预算表', source: 'pasted', row: 8 },
    ]);
  });

  it('万元 said in the header is turned to yuan exactly (decimal, never a float)', () => {
    const [line] = readProjectBudgets([{ name: 'x', rows: [['2027年项目支出中期规划表'], ['项目分类', '项目名称', '一般公共预算（万元）'], ['', '', '2027年'], ['313 事业发展类', '乡村阅读推广', '12.3456']] }]);
    expect(line).toMatchObject({ name: '乡村阅读推广', amount: '123456.00', category: '313 事业发展类' });
  });

  it('an amount of no stated unit is not taken (the category still is)', () => {
    const [line] = readProjectBudgets([{ name: 'x', rows: [['2026年项目支出中期规划表'], MEDIUM_TERM, YEARS, ['', '311 专项业务类', '档案数字化经费', '本级', '600000']] }]);
    expect(line).toMatchObject({ amount: null, category: '311 专项业务类' });
  });

  it('a 项目支出预算表: a project of several lines is its 小计 row, else the sum of its lines, with its code', () => {
    const lines = readProjectBudgets([
      {
        name: 'x',
        rows: [
          ['## 2026年部门项目支出预算表'],
          ['单位：元'],
          ['项目分类', '项目代码', '项目名称', '项目单位', '经济科目名称', '合计'],
          ['', '', '办公用房租赁专项经费', '', '', '110,000.00'],
          ['专项业务类', '530300251100004244372', '办公用房租赁专项经费', '某某局', '租赁费', '60,000.00'],
          ['专项业务类', '530300251100004244372', '办公用房租赁专项经费', '某某局', '物业费', '50,000.00'],
          ['事业发展类', '530300210000000002731', '中央补助资金', '某某局', '其他支出', '40,000.00'],
          ['事业发展类', '530300210000000002731', '中央补助资金', '某某局', '其他支出', '25,000.10'],
          ['说明：有涉密项目，此表不公开涉密相关信息。'],
        ],
      },
    ]);
    expect(lines.map((l) => [l.name, l.code, l.category, l.amount, l.row])).toEqual([
      ['办公用房租赁专项经费', '530300251100004244372', '311 专项业务类', '110000.00', 4],
      ['中央补助资金', '530300210000000002731', '313 事业发展类', '65000.10', 7],
    ]);
  });

  it('seed 000 (政府办): the 中期规划预算表’s ten lines, 2026 amounts in yuan', () => {
    const lines = seed('qujing-govoffice-2026-budget.txt');
    expect(lines).toHaveLength(10);
    expect(lines.find((l) => l.name === '遗属生活补助资金')).toMatchObject({ category: '312 民生类', level: '本级', amount: '37560.00', table: '2026年部门项目支出中期规划预算表', row: 244 });
  });

  it('says where a new project’s money and category came from', () => {
    const [line] = readProjectBudgets([{ name: 'x', rows: [['2026年项目支出中期规划表'], ['单位：元'], MEDIUM_TERM, YEARS, ['', '311 专项业务类', '档案数字化经费', '本级', '600000']] }]);
    expect(budgetRepair('档案数字化经费', line, { amount: true, category: true })).toBe('“档案数字化经费”的年度预算总额 600,000.00 元、项目分类“311 专项业务类”取自同一文件的“2026年项目支出中期规划表”第 5 行');
    expect(budgetRepair('档案数字化经费', line, { amount: false, category: true })).toBe('“档案数字化经费”的项目分类“311 专项业务类”取自同一文件的“2026年项目支出中期规划表”第 5 行');
  });
});
