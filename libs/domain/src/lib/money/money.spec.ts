import { formatMoney, formatYuan, fundSplitProblem, parseMoney, toWanYuan } from './money';

describe('money', () => {
  it.each([
    ['925269', '925269.00'],
    ['925,269.00', '925269.00'],
    ['37560.5', '37560.50'],
    ['0.1', '0.10'],
    [' 1 234.56 ', '1234.56'],
  ])('reads %p as %s yuan', (text, expected) => {
    expect(formatMoney(parseMoney(text) as never)).toBe(expected);
  });

  it.each(['abc', '1.234', '', '1e5', '12,34.5.6'])('refuses %p', (text) => {
    expect(parseMoney(text)).toBeNull();
  });

  it('adds without float error: 0.1 + 0.2 is exactly 0.30', () => {
    expect(
      fundSplitProblem({ total: '0.30', currentYearAppropriation: '0.10', carryOver: '0.20', other: '0' }),
    ).toBeNull();
  });

  it.each([
    ['3715269.00', '371.53'],
    ['37560.00', '3.76'],
    ['50000', '5.00'],
    ['5', '0.00'],
  ])('shows %s yuan as %s 万元', (yuan, wan) => {
    expect(toWanYuan(yuan)).toBe(wan);
  });

  it('explains a split that does not add up', () => {
    expect(
      fundSplitProblem({ total: '100', currentYearAppropriation: '60', carryOver: '30', other: '0' }),
    ).toBe('年度预算总额 100.00 元不等于当年财政拨款、上年结转与其他资金之和 90.00 元');
  });
});

describe('amounts in messages', () => {
  it.each([
    ['0', '0.00'],
    ['999.5', '999.50'],
    ['1000', '1,000.00'],
    ['27140532.565', '27,140,532.57'],
    ['-1234567.8', '-1,234,567.80'],
  ])('%s yuan reads %s', (value, expected) => {
    expect(formatYuan(value)).toBe(expected);
  });
});
