import { CORE_2021_PROFILE, DEFAULT_PROFILE } from '../settings/settings-profile';
import { suggestWeights } from './suggested-weights';

describe('suggested weights', () => {
  it('spreads 产出 50, 效益 30, 满意度 10 over the rows, the last row of each 一级 taking the remainder', () => {
    const level1s = ['产出指标', '产出指标', '产出指标', '效益指标', '效益指标', '满意度指标'];
    expect(suggestWeights(level1s, DEFAULT_PROFILE)).toEqual(['16.66', '16.66', '16.68', '15', '15', '10']);
  });

  it('works whatever the row order, and gives 0 to a 一级 outside the split', () => {
    expect(suggestWeights(['效益指标', '产出指标', '成本指标', '效益指标', '满意度指标'], DEFAULT_PROFILE)).toEqual(['15', '50', '0', '15', '10']);
  });

  it('follows the profile: the 2021 template splits 产出 40, 成本 20, 效益 20, 满意度 10', () => {
    expect(suggestWeights(['产出指标', '成本指标', '效益指标', '满意度指标'], CORE_2021_PROFILE)).toEqual(['40', '20', '20', '10']);
  });
});
