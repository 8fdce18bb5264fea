import { Client } from '../support/http';
import { RunningApp, startApp } from '../support/app';
import { styledEmptyRows, tallSheet, xlsxWithSheet } from '../support/xlsx-bytes';

/**
 * One user's heavy upload must not freeze everyone: workbooks and pasted tables are read in worker
 * threads, bounded in size, rows and columns. While each upload below is being read, /api/health
 * keeps answering — the health replies counted here all came back before the upload's own reply.
 */
describe('availability under heavy uploads', () => {
  let running: RunningApp;
  let lead: Client;

  beforeAll(async () => {
    running = await startApp();
    lead = await new Client(running.url).as('zfb.lead');
  });
  afterAll(() => running?.close());

  /** Sends the upload and polls health until it answers; returns the reply and the health answers seen meanwhile. */
  async function whileHealthPolled<T>(upload: () => Promise<T>): Promise<{ reply: T; answeredMeanwhile: number; healthy: boolean }> {
    let done = false;
    let answered = 0;
    let healthy = true;
    const poll = (async () => {
      while (!done) {
        const health = await fetch(`${running.url}/api/health`);
        if (!done) answered++;
        healthy &&= health.status === 200;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const reply = await upload();
    done = true;
    await poll;
    return { reply, answeredMeanwhile: answered, healthy };
  }

  it('refuses a sheet formatted down 200,000 rows from its unpacked size, before loading it', async () => {
    const file = xlsxWithSheet(styledEmptyRows(200_000, 20));
    expect(file.length).toBeLessThan(20 * 1024 * 1024);
    const { reply, healthy } = await whileHealthPolled(() => lead.upload('/api/imports/target-tables?fiscalYear=2026&dryRun=true', '格式到底.xlsx', file));
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/^表格展开后超过 80 MB（常见原因：整列设置了格式或有大量空行）/);
    expect(healthy).toBe(true);
  });

  it('reads a 60,000-row sheet off the event loop and refuses it for its rows, health answering all along', async () => {
    const { reply, answeredMeanwhile, healthy } = await whileHealthPolled(() => lead.upload('/api/imports/target-tables?fiscalYear=2026&dryRun=true', '太长.xlsx', xlsxWithSheet(tallSheet(60_000))));
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('工作表“Sheet1”超过 50,000 行，请拆分后分次导入');
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect(healthy).toBe(true);
  });

  it('reads a 5 MB pasted table off the event loop too', async () => {
    const line = ['项目名称', '一级指标', '二级指标', '三级指标', '指标值'].join('\t');
    const text = Array.from({ length: 80_000 }, (_, i) => `${line}${i}`).join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(5 * 1024 * 1024);
    const { reply, healthy } = await whileHealthPolled(() => lead.postText('/api/imports/target-tables?fiscalYear=2026&dryRun=true', text));
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('粘贴的表格超过 50,000 行，请拆分后分次导入');
    expect(healthy).toBe(true);
  });

  it('keeps reading ordinary files after refusing hostile ones', async () => {
    const reply = await lead.upload('/api/imports/target-tables?fiscalYear=2026&dryRun=true', '会议纪要.txt', '会议纪要\n第一项\t第二项', 'text/plain');
    expect(reply.body.message).toBe('没有找到绩效目标表：表头应含“一级指标”“三级指标”“指标值”等列');
  });
});
