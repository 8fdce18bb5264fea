import { addYuan, groupThousands, normaliseYuan } from './money';

describe('money on screen', () => {
  it.each([
    ['925269.00', '925,269.00'],
    ['3715269.00', '3,715,269.00'],
    ['37560.00', '37,560.00'],
    ['0.30', '0.30'],
    ['-1234.50', '-1,234.50'],
    ['1000000', '1,000,000'],
    [null, '—'],
    ['', '—'],
  ])('shows %p as %p', (amount, shown) => {
    expect(groupThousands(amount)).toBe(shown);
  });
});

describe('amounts typed by a clerk', () => {
  it('adds in cents, never in floats: 0.1 + 0.2 is 0.30', () => {
    expect(addYuan('0.1', '0.2')).toBe('0.30');
    expect(addYuan('80,000', '10000', '0')).toBe('90000.00');
  });

  it('refuses what is not an amount', () => {
    expect(addYuan('1.005', '1')).toBeNull();
    expect(normaliseYuan('-5')).toBeNull();
    expect(normaliseYuan(' 1 234.5 ')).toBe('1234.50');
  });
});
