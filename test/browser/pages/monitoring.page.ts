import { Page } from 'playwright-core';

/** 绩效运行监控: the round's dashboard and a report as the lead fills it. */
export class MonitoringPage {
  constructor(private readonly page: Page) {}

  async openReport(base: string, reportId: string): Promise<void> {
    await this.page.goto(`${base}/monitoring/reports/${reportId}`);
    await this.page.waitForSelector('[data-test=monitoring-report]');
  }

  async openRound(base: string, roundId: string): Promise<void> {
    await this.page.goto(`${base}/monitoring/${roundId}`);
    await this.page.waitForSelector('[data-test=dashboard]');
  }

  private row(n: number) {
    return this.page.locator(`[data-test=sheet-row] >> nth=${n - 1}`);
  }

  async setBudget(executed: string, forecast: string): Promise<void> {
    await this.page.fill('[data-test=budget-executed]', executed);
    await this.page.fill('[data-test=budget-forecast]', forecast);
  }

  async setRow(n: number, current: string, forecast: string, likelihood = '确定能'): Promise<void> {
    const row = this.row(n);
    await row.locator('[data-test=cell-current]').fill(current);
    await row.locator('[data-test=cell-forecast]').fill(forecast);
    await this.choose(row.locator('[data-test=cell-likelihood]'), likelihood);
  }

  async explain(n: number, reason: string, note: string, measures: string): Promise<void> {
    const row = this.row(n);
    await this.choose(row.locator('[data-test=cell-reasons]'), reason);
    await this.page.keyboard.press('Escape');
    await row.locator('[data-test=cell-reason-note]').fill(note);
    await row.locator('[data-test=cell-measures]').fill(measures);
  }

  /** The colour (红 黄 绿 蓝) and arithmetic shown at a row. */
  async warningOf(n: number): Promise<{ colour: string; formula: string }> {
    const cell = this.row(n).locator('td[data-col=warning]');
    return { colour: await cell.locator('[data-test=warning-tag]').innerText(), formula: await cell.locator('[data-test=warning-formula]').innerText() };
  }

  budgetWarning(): Promise<string> {
    return this.page.locator('[data-test=budget-warning]').innerText();
  }

  rowChecks(): Promise<string[]> {
    return this.page.locator('[data-test=row-check]').allInnerTexts();
  }

  async save(): Promise<void> {
    await this.page.click('[data-test=save-report]');
    await this.page.waitForSelector('.ant-message-success');
  }

  submitDisabled(): Promise<boolean> {
    return this.page.locator('[data-test=submit-report]').isDisabled();
  }

  async submit(): Promise<void> {
    await this.page.click('[data-test=submit-report]');
    await this.page.waitForFunction(() => document.querySelector('[data-test=report-status]')?.textContent?.includes('待主管部门审核'));
  }

  status(): Promise<string> {
    return this.page.locator('[data-test=report-status]').innerText();
  }

  async review(action: 'approve' | 'return', comment: string): Promise<void> {
    await this.page.fill('[data-test=review-comment]', comment);
    await this.page.click(`[data-test=${action}]`);
    await this.page.waitForSelector('[data-test=review-panel]', { state: 'detached' });
  }

  private async choose(select: ReturnType<Page['locator']>, option: string): Promise<void> {
    await select.click();
    await this.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }
}
