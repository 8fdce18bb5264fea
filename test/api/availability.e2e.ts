import ExcelJS from 'exceljs';
// exceljs checks each merge it loads against every earlier one; the app's linear check reads the 30,000-row list in a second
import '../../apps/api/src/app/common/exceljs-merges';
import { Client } from '../support/http';
import { RunningProcess, startAppProcess } from '../support/app';
import { targetList } from '../support/target-list';
import { styledEmptyRows, tallSheet, xlsxWithSheet } from '../support/xlsx-bytes';

/**
 * One user's heavy upload must not freeze everyone: workbooks and pasted tables are read in worker
 * threads, bounded in size, rows and columns. While each upload below is being read, /api/health
 * keeps answering — the health replies counted here all came back before the upload's own reply.
 * The API runs in its own process, so the latencies measured are the server's alone.
 */
describe('availability under heavy uploads', () => {
  let running: RunningProcess;
  let lead: Client;
  // made before any request: a test process busy for seconds between requests lets the server drop
  // the idle keep-alive socket the next request is then written on (EPIPE)
  let styled: Buffer;
  let tall: Buffer;
  let threeThousand: Buffer;

  beforeAll(async () => {
    styled = xlsxWithSheet(styledEmptyRows(200_000, 20));
    tall = xlsxWithSheet(tallSheet(60_000));
    threeThousand = await targetList(3000);
    running = await startAppProcess();
    lead = await new Client(running.url).as('zfb.lead');
  });
  afterAll(() => running?.close());

  /** Sends the upload and polls health until it answers; returns the reply, the health answers seen meanwhile and the slowest of them. */
  async function whileHealthPolled<T>(upload: () => Promise<T>): Promise<{ reply: T; answeredMeanwhile: number; healthy: boolean; slowestMs: number }> {
    let done = false;
    let answered = 0;
    let healthy = true;
    let slowestMs = 0;
    const poll = (async () => {
      while (!done) {
        const started = Date.now();
        const health = await fetch(`${running.url}/api/health`);
        slowestMs = Math.max(slowestMs, Date.now() - started);
        if (!done) answered++;
        healthy &&= health.status === 200;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const reply = await upload();
    done = true;
    await poll;
    return { reply, answeredMeanwhile: answered, healthy, slowestMs };
  }

  it('refuses a sheet formatted down 200,000 rows from its unpacked size, before loading it', async () => {
    const file = styled;
    expect(file.length).toBeLessThan(20 * 1024 * 1024);
    const { reply, healthy, slowestMs } = await whileHealthPolled(() => lead.upload('/api/imports/target-tables?fiscalYear=2026&dryRun=true', '格式到底.xlsx', file));
    console.log(`${(file.length / 1024 / 1024).toFixed(1)} MB xlsx of 200,000 styled rows: health slowest ${slowestMs} ms`);
    expect(slowestMs).toBeLessThan(1000);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/^表格展开后超过 80 MB（常见原因：整列设置了格式或有大量空行）/);
    expect(healthy).toBe(true);
  });

  it('reads a 60,000-row sheet off the event loop and refuses it for its rows, health answering all along', async () => {
    const { reply, answeredMeanwhile, healthy, slowestMs } = await whileHealthPolled(() => lead.upload('/api/imports/target-tables?fiscalYear=2026&dryRun=true', '太长.xlsx', tall));
    console.log(`60,000-row xlsx: health answered ${answeredMeanwhile} times, slowest ${slowestMs} ms`);
    expect(slowestMs).toBeLessThan(1000);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('工作表“Sheet1”超过 50,000 行，请拆分后分次导入');
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect(healthy).toBe(true);
  });

  it('reads a 5 MB pasted table off the event loop too', async () => {
    const line = ['项目名称', '一级指标', '二级指标', '三级指标', '指标值'].join('\t');
    const text = Array.from({ length: 80_000 }, (_, i) => `${line}${i}`).join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(5 * 1024 * 1024);
    const { reply, healthy, slowestMs } = await whileHealthPolled(() => lead.postText('/api/imports/target-tables?fiscalYear=2026&dryRun=true', text));
    console.log(`5 MB paste: health slowest ${slowestMs} ms`);
    expect(slowestMs).toBeLessThan(1000);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('粘贴的表格超过 50,000 行，请拆分后分次导入');
    expect(healthy).toBe(true);
  });

  it('keeps reading ordinary files after refusing hostile ones', async () => {
    const reply = await lead.upload('/api/imports/target-tables?fiscalYear=2026&dryRun=true', '会议纪要.txt', '会议纪要\n第一项\t第二项', 'text/plain');
    expect(reply.body.message).toBe('没有找到绩效目标表：表头应含“一级指标”“三级指标”“指标值”等列');
  });

  it('builds the list export of a 3,000-project unit off the event loop, health answering within a second', async () => {
    const setupStarted = Date.now();
    const admin = await new Client(running.url).as('admin');
    const orgs = (await admin.get('/api/organizations')).body as { id: string; name: string; kind: string }[];
    // a department of its own, so the demo departments' reviewers (other suites) see only their units
    const bureau = orgs.find((o) => o.kind === 'finance') as { id: string };
    // a year of its own: 3,000 projects in 2026 would crowd the demo's lists of the suites after this one
    await admin.post('/api/fiscal-years', { year: 2036 });
    const department = await admin.post('/api/organizations', { name: '气象局', kind: 'department', parentId: bureau.id });
    expect(department.status).toBe(201);
    const unit = await admin.post('/api/organizations', { name: '气象服务中心', kind: 'unit', parentId: department.body.id });
    expect(unit.status).toBe(201);
    const finance = await new Client(running.url).as('finance');
    const file = threeThousand;
    console.log(`set-up: ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);
    const importStarted = Date.now();
    const { reply: imported, slowestMs: slowestDuringImport } = await whileHealthPolled(() => finance.upload(`/api/imports/target-tables?fiscalYear=2036&organizationId=${unit.body.id}`, '三千个项目.xlsx', file));
    console.log(`import of 3,000 projects (30,000 rows): ${((Date.now() - importStarted) / 1000).toFixed(1)} s, health slowest ${slowestDuringImport} ms`);
    expect(imported.status).toBe(200);
    expect(imported.body.indicators).toBe(30_000);

    const started = Date.now();
    const { reply, answeredMeanwhile, healthy, slowestMs } = await whileHealthPolled(() => finance.download(`/api/target-tables.xlsx?fiscalYear=2036&organizationId=${unit.body.id}`));
    const seconds = (Date.now() - started) / 1000;
    console.log(`export of 3,000 projects (30,000 rows): ${seconds.toFixed(1)} s, ${(reply.content.length / 1024 / 1024).toFixed(1)} MB; health answered ${answeredMeanwhile} times meanwhile, slowest ${slowestMs} ms`);
    expect(reply.status).toBe(200);
    expect(healthy).toBe(true);
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect(slowestMs).toBeLessThan(1000);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const names = new Set<string>();
    sheet.eachRow((row) => {
      const name = String(row.getCell(1).value ?? '');
      if (name.startsWith('气象项目')) names.add(name);
    });
    expect(names.size).toBe(3000);
    // title and header rows, the unit line, the rows, then a blank row and the sign-off block's three
    expect(sheet.rowCount).toBe(4 + 1 + 30_000 + 4);
    // 项目名称 merged over each project's ten rows, as the official list prints it
    expect(sheet.getCell(`A${6 + 9}`).isMerged).toBe(true);
    expect(sheet.getCell(`A${6 + 10}`).value).toMatch(/^气象项目\d+$/);
    expect(sheet.getCell(`A${6 + 10}`).value).not.toBe(sheet.getCell('A6').value);
    expect(sheet.getCell('E7').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(sheet.getCell('E7').alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
  }, 120_000);
});
