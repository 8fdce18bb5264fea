import { Page } from 'playwright-core';

/** The 项目支出绩效目标表 screen: editing, checks, review and history. */
export class SheetPage {
  constructor(private readonly page: Page) {}

  async open(base: string, projectId: string): Promise<void> {
    await this.page.goto(`${base}/projects/${projectId}/target-sheet`);
    await this.page.waitForSelector('[data-test=target-sheet]');
  }

  status(): Promise<string> {
    return this.page.locator('[data-test=sheet-status]').innerText();
  }

  async edit(): Promise<void> {
    await this.page.click('[data-test=edit]');
    await this.page.waitForSelector('[data-test=add-row]');
  }

  async paste(tsv: string): Promise<void> {
    await this.page.click('[data-test=paste]');
    await this.page.fill('[data-test=paste-box]', tsv);
    await this.page.click('.ant-modal-footer button.ant-btn-primary');
    await this.page.waitForSelector('[data-test=paste-box]', { state: 'detached' });
  }

  rowChecks(): Promise<string[]> {
    return this.page.locator('[data-test=row-check]').allInnerTexts();
  }

  async setCell(row: number, cell: 'name' | 'value' | 'unit' | 'weight', text: string): Promise<void> {
    const input = this.page.locator(`[data-test=sheet-row] >> nth=${row - 1}`).locator(`[data-test=cell-${cell}]`);
    await input.fill(text);
    await input.blur();
  }

  async save(): Promise<void> {
    await this.page.click('[data-test=save]');
    await this.page.waitForSelector('.ant-message-success');
  }

  /** 提交审核, confirmed in its dialog. */
  async submit(): Promise<void> {
    await this.page.click('[data-test=submit]');
    await this.page.click('[data-test=submit-confirm]');
    await this.page.waitForFunction(() => document.querySelector('[data-test=sheet-status]')?.textContent?.includes('已提交'));
  }

  /** 提交审核 while checks block it: the dialog's list, then closes it. */
  async submitBlocked(): Promise<string[]> {
    await this.page.click('[data-test=submit]');
    await this.page.locator('[data-test=submit-blocking]').first().waitFor();
    const blocking = await this.page.locator('[data-test=submit-blocking]').allInnerTexts();
    await this.page.click('[data-test=submit-close]');
    await this.page.locator('[data-test=submit-dialog]').waitFor({ state: 'detached' });
    return blocking;
  }

  /** A save the API refuses: every error it listed. */
  async saveRefused(): Promise<string[]> {
    await this.page.click('[data-test=save]');
    await this.page.locator('[data-test=save-error]').first().waitFor();
    return this.page.locator('[data-test=save-error]').allInnerTexts();
  }

  async noteOnRow(row: number, text: string): Promise<void> {
    await this.page.click('[data-test=note-row]');
    await this.page.click(`.ant-select-item-option[title^="第 ${row} 行"]`);
    await this.page.fill('[data-test=note-text]', text);
    await this.page.click('[data-test=add-note]');
  }

  /** The 三级 names in the order shown (inputs while editing, text otherwise). */
  async names(): Promise<string[]> {
    const rows = this.page.locator('[data-test=sheet-row]');
    const editing = (await this.page.locator('[data-test=cell-name]').count()) > 0;
    if (editing) return this.page.locator('[data-test=cell-name]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    return rows.evaluateAll((trs) => trs.map((tr) => (tr.querySelector('td:not(.group) .cell-text') as HTMLElement | null)?.innerText ?? ''));
  }

  /** The 一级 and 二级 cells, each once however many rows it spans. */
  groupCells(): Promise<string[]> {
    return this.page.locator('[data-test=cell-level1], [data-test=cell-level2]').evaluateAll((cells) => cells.map((c) => (c.firstChild?.textContent ?? '').trim()));
  }

  /** Moves a row up and waits until it is drawn one place higher (the grid redraws a tick after the click). */
  async moveUp(row: number): Promise<void> {
    const name = (await this.names())[row - 1];
    await this.page.locator(`[data-test=sheet-row] >> nth=${row - 1}`).locator('button[title=上移]').click();
    for (let tries = 0; tries < 50 && (await this.names())[row - 2] !== name; tries++) await this.page.waitForTimeout(100);
  }

  commentsOfRow(row: number): Promise<string[]> {
    return this.page.locator(`[data-test=sheet-row] >> nth=${row - 1}`).locator('[data-test=row-comment]').allInnerTexts();
  }

  rowComments(): Promise<string[]> {
    return this.page.locator('[data-test=row-comment]').allInnerTexts();
  }

  async grade(grade: string): Promise<void> {
    await this.page.click(`[data-test=review-grade] [data-grade="${grade}"]`);
  }

  async rate(rating: string, grade: string): Promise<void> {
    await this.page.click(`[data-test="rating-${rating}"]`);
    await this.page.click(`.ant-select-item-option[title="${rating}：${grade}"]`);
  }

  async review(action: 'approve' | 'return', comment: string, grade: string): Promise<void> {
    await this.grade(grade);
    await this.page.fill('[data-test=review-comment]', comment);
    await this.page.click(`[data-test=${action}]`);
    await this.page.waitForSelector('[data-test=review-panel]', { state: 'detached' });
  }

  /** A decision the panel refuses before sending: the errors at the grade and the comment. */
  async reviewRefused(action: 'approve' | 'return'): Promise<string[]> {
    await this.page.click(`[data-test=${action}]`);
    await this.page.locator('[data-test=review-grade-error]').waitFor();
    return this.page.locator('[data-test=review-grade-error], [data-test=review-comment-error]').allInnerTexts();
  }

  sinceReturn(): Promise<string> {
    return this.page.locator('[data-test=since-return]').innerText();
  }

  subtotals(): Promise<string> {
    return this.page.locator('[data-test=subtotals]').innerText();
  }

  /** The history panel, once it lists version `number` (it reloads after each decision). */
  async history(number: number): Promise<string> {
    await this.page.waitForFunction((text) => document.querySelector('[data-test=history]')?.textContent?.includes(text), `第 ${number} 版`);
    return this.page.locator('[data-test=history]').innerText();
  }
}
