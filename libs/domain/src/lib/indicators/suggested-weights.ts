import Decimal from 'decimal.js';
import { SettingsProfile } from '../settings/settings-profile';

/**
 * Spreads the profile's suggested split (e.g. 产出 50, 效益 30, 满意度 10) evenly over the rows of
 * each 一级, to 2 decimals rounded down, the last row of a 一级 taking the remainder.
 * Rows of a 一级 outside the split get 0.
 */
export function suggestWeights(level1s: readonly string[], profile: SettingsProfile): string[] {
  const counts = new Map<string, number>();
  for (const level1 of level1s) counts.set(level1, (counts.get(level1) ?? 0) + 1);
  const seen = new Map<string, number>();
  return level1s.map((level1) => {
    const share = profile.suggestedSplit[level1];
    if (!share) return '0';
    const count = counts.get(level1) as number;
    const index = seen.get(level1) ?? 0;
    seen.set(level1, index + 1);
    const each = new Decimal(share).dividedBy(count).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    return (index === count - 1 ? new Decimal(share).minus(each.times(count - 1)) : each).toFixed();
  });
}
