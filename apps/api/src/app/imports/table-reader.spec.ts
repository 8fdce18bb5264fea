import ExcelJS from 'exceljs';
import { readUpload } from './table-reader';

/** The sheet reader against workbooks a spreadsheet program writes (exceljs here): what a clerk sees in each cell. */
describe('readUpload (.xlsx)', () => {
  it('reads texts, numbers, percentages, dates, rich text, formulas, booleans and merges as shown', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表一 & <目标>');
    sheet.addRow(['一级指标', { richText: [{ text: '三级' }, { font: { bold: true }, text: '指标' }] }, 0.95, new Date(Date.UTC(2026, 5, 30)), true, { formula: 'A1', result: 'x&y' }, 12.5]);
    sheet.getCell('C1').numFmt = '0%';
    sheet.getCell('G1').numFmt = '0.0%';
    sheet.addRow([]);
    sheet.addRow(['项目', '', '', 'tail']);
    sheet.mergeCells('A3:C4');
    sheet.getCell('A6').value = { formula: 'G1*2', result: 25 };
    sheet.getCell('B6').value = { error: '#N/A' };
    sheet.getCell('C6').value = { formula: 'D1', result: new Date(Date.UTC(2025, 0, 1)) };
    sheet.getCell('C6').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('D6').value = false;
    book.addWorksheet('空');
    const content = Buffer.from(await book.xlsx.writeBuffer());

    const [first, empty] = await readUpload('targets.xlsx', content);

    expect(first.name).toBe('表一 & <目标>');
    expect(first.rows).toEqual([
      ['一级指标', '三级指标', '95%', '2026-06-30', '是', 'x&y', '1250%'],
      ['', '', '', '', '', '', ''],
      ['项目', '项目', '项目', 'tail', '', '', ''],
      ['项目', '项目', '项目', '', '', '', ''],
      ['', '', '', '', '', '', ''],
      ['25', '', '2025-01-01', '否', '', '', ''],
    ]);
    expect(empty).toEqual({ name: '空', rows: [] });
  });

  it('refuses a damaged workbook with a sentence', async () => {
    const content = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    await expect(readUpload('x.xlsx', content.subarray(0, content.length - 40))).rejects.toThrow('无法读取该 .xlsx 文件');
  });
});
