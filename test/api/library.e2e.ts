import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';

describe('indicator library', () => {
  let running: RunningApp;
  const as = (username: string) => new Client(running.url).as(username);

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('is seeded from the seed tables and finds 获补对象准确率 with its formula', async () => {
    const lead = await as('zfb.lead');
    const found = (await lead.get(`/api/indicator-library?q=${encodeURIComponent('获补对象准确率')}`)).body;
    expect(found).toEqual([
      expect.objectContaining({
        scope: '共性',
        level1: '产出指标',
        level2: '质量指标',
        name: '获补对象准确率',
        comparator: '=',
        unit: '%',
        kind: '定量',
        content: expect.stringContaining('获补对象准确率=抽检符合标准的补助对象数/抽检实际补助对象数*100%'),
      }),
    ]);
  });

  it('leaves out the seed rows that are not proper indicators (a name of “>=”)', async () => {
    const all = (await (await as('finance')).get('/api/indicator-library')).body as { name: string; level1: string; level2: string }[];
    expect(all.length).toBeGreaterThan(50);
    expect(all.some((e) => e.name === '>=' || e.name === '=')).toBe(false);
    expect(all.some((e) => e.level1 === '产出指标' && e.level2 === '社会效益指标')).toBe(false);
  });

  it('keeps a department’s 个性 entries to that department and its units', async () => {
    const reviewer = await as('xfj.reviewer');
    const entry = { level1: '效益指标', level2: '社会效益', name: '信访事项按期办结率', comparator: '≥', unit: '%', kind: '定量', content: '按期办结的信访事项数/受理的信访事项数*100%' };
    const created = await reviewer.post('/api/indicator-library', entry);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ scope: '个性', level2: '社会效益指标' });
    expect((await reviewer.post('/api/indicator-library', entry)).body.message).toBe('指标库中已有“效益指标 › 社会效益指标 › 信访事项按期办结率”');
    const q = `/api/indicator-library?q=${encodeURIComponent('按期办结')}`;
    expect((await (await as('xfj.lead')).get(q)).body.map((e: { name: string }) => e.name)).toEqual(['信访事项按期办结率']);
    expect((await (await as('zfb.lead')).get(q)).body).toEqual([]);
    expect((await (await as('zfb.reviewer')).request('DELETE', `/api/indicator-library/${created.body.id}`)).status).toBe(403);
    expect((await reviewer.request('DELETE', `/api/indicator-library/${created.body.id}`)).status).toBe(200);
  });

  it('lets finance add 共性 entries, refuses a 二级 that does not fit, and keeps leads out', async () => {
    const finance = await as('finance');
    const common = await finance.post('/api/indicator-library', { level1: '成本指标', level2: '经济成本指标', name: '单位培训成本', comparator: '≤', unit: '元/人', kind: '定量', content: '培训支出/参训人数' });
    expect(common.body.scope).toBe('共性');
    const misfit = await finance.post('/api/indicator-library', { level1: '产出指标', level2: '社会效益', name: '错配', comparator: '≥', unit: '%', kind: '定量', content: '' });
    expect(misfit.status).toBe(400);
    expect(misfit.body.message).toBe('二级指标“社会效益指标”不能放在“产出指标”下');
    expect((await (await as('zfb.lead')).post('/api/indicator-library', { level1: '产出指标', level2: '数量指标', name: 'x', comparator: '≥', unit: '个', kind: '定量', content: '' })).status).toBe(403);
  });
});
