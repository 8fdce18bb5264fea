import { Download, Locator, Page } from 'playwright-core';

type Part = 'basic' | 'project';
type Field = 'initial' | 'adjustment' | 'executed';

/** 部门整体支出绩效自评: the year's departments and one department's 附表14. */
export class DepartmentSelfEvaluationPage {
  constructor(private readonly page: Page) {}

  private readonly form = '[data-test=department-self-evaluation]';

  /** Waits until the table and the figures computed in the browser are drawn. */
  async waitForForm(): Promise<void> {
    await this.page.waitForSelector(`${this.form} [data-test=money]`);
  }

  /** From 待办: the row of the department's table of that year (other suites open other years for every department). */
  async openFromInbox(year: number): Promise<void> {
    await this.page.click('text=待办');
    await this.page.locator('[data-test=inbox-row]', { has: this.page.locator(`td:text-is("${year}")`) }).locator('a:text-is("部门整体支出绩效自评表")').click();
    await this.page.waitForURL(new RegExp(`/self-evaluation/department/[^/]+/${year}$`));
    await this.waitForForm();
  }

  /** From 绩效自评's header (部门整体自评): the year's departments. */
  async openList(base: string, year: number): Promise<void> {
    await this.page.goto(`${base}/self-evaluation`);
    await this.page.click('[data-test=open-department-evaluations]');
    await this.page.waitForSelector('[data-test=department-evaluations-table]');
    await this.page.click('[data-test=department-evaluation-year]');
    await this.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${year} 年度"]`).click();
    await this.page.waitForFunction(() => !document.querySelector('[data-test=department-evaluations-table] .ant-spin-spinning'));
  }

  /** A department's row of the list: status and 执行率. */
  async listRow(department: string): Promise<{ status: string; rate: string }> {
    const row = this.page.locator('[data-test=department-evaluation-row]', { has: this.page.locator(`a:text-is("${department}")`) });
    await row.waitFor();
    // the row is drawn before all its cells are
    await row.locator('td >> nth=3').waitFor();
    const cells = await row.locator('td').allInnerTexts();
    return { status: cells[2].trim(), rate: cells[3].trim() };
  }

  async openFromList(department: string): Promise<void> {
    await this.page.click(`[data-test=department-evaluation-row] a:text-is("${department}")`);
    await this.waitForForm();
  }

  status(): Promise<string> {
    return this.page.locator('[data-test=evaluation-status]').innerText();
  }

  head(): Promise<string> {
    return this.page.locator('[data-test=evaluation-head]').innerText();
  }

  duties(): Promise<string[]> {
    return this.page.locator('[data-test=duty]').allInnerTexts();
  }

  indicatorNames(): Promise<string[]> {
    return this.page.locator('[data-test=sheet-row] td[data-col=name] .cell-text').allInnerTexts();
  }

  /** 预算确定数 and 执行率 of a line as drawn: `total`, `basic`, `project`, or the projects' 自评表 (`projects`). */
  async line(part: 'total' | Part | 'projects'): Promise<Record<string, string>> {
    const read = async (key: string) => (await this.page.locator(`[data-test=${part}-${key}]`).innerText()).trim();
    if (part === 'total' || part === 'projects') return { initial: await read('initial'), adjustment: await read('adjustment'), annual: await read('annual'), executed: await read('executed'), rate: await read('rate') };
    return { annual: await read('annual'), rate: await read('rate') };
  }

  amount(part: Part, field: Field): Promise<string> {
    return this.page.locator(`[data-test=budget-${part}-${field}]`).inputValue();
  }

  /** Waits until the amount's input shows `value` (a model change reaches the input a tick later). */
  async waitForAmount(part: Part, field: Field, value: string): Promise<void> {
    await this.page.waitForFunction(([selector, expected]) => (document.querySelector(selector) as HTMLInputElement | null)?.value === expected, [`[data-test=budget-${part}-${field}]`, value] as const);
  }

  async setAmount(part: Part, field: Field, value: string): Promise<void> {
    await this.page.fill(`[data-test=budget-${part}-${field}]`, value);
  }

  budgetChecks(): Promise<string[]> {
    return this.page.locator('[data-test=budget-check]').allInnerTexts();
  }

  projectsHint(): Promise<string> {
    return this.page.locator('[data-test=from-projects] td').first().innerText();
  }

  async setDutyResult(n: number, text: string): Promise<void> {
    await this.page.locator(`[data-test=duty-row] >> nth=${n - 1}`).locator('[data-test=duty-result]').fill(text);
  }

  dutyChecks(): Promise<string[]> {
    return this.page.locator('[data-test=duty-check]').allInnerTexts();
  }

  private row(n: number): Locator {
    return this.page.locator(`[data-test=sheet-row] >> nth=${n - 1}`);
  }

  async setActual(n: number, actual: string): Promise<void> {
    await this.row(n).locator('[data-test=cell-actual]').fill(actual);
  }

  async setNote(n: number, note: string): Promise<void> {
    await this.row(n).locator('[data-test=cell-deviation-note]').fill(note);
  }

  async noteRequired(n: number): Promise<boolean> {
    return (await this.row(n).locator('[data-test=cell-deviation-note]').getAttribute('data-required')) === 'true';
  }

  rowChecks(n: number): Promise<string[]> {
    return this.row(n).locator('[data-test=row-check]').allInnerTexts();
  }

  async setNotes(text: string): Promise<void> {
    await this.page.fill('[data-test=notes]', text);
  }

  checkSummary(): Promise<string> {
    return this.page.locator('[data-test=check-summary]').innerText();
  }

  submitDisabled(): Promise<boolean> {
    return this.page.locator('[data-test=submit-evaluation]').isDisabled();
  }

  /** Saves; answers the message shown (success or the refusal). */
  async save(): Promise<string> {
    const before = await this.page.locator('.ant-message-notice').count();
    await this.page.click('[data-test=save-evaluation]');
    await this.page.waitForFunction((n) => document.querySelectorAll('.ant-message-notice').length > n, before);
    return this.page.locator('.ant-message-notice').last().innerText();
  }

  async submit(): Promise<void> {
    await this.page.click('[data-test=submit-evaluation]');
    await this.page.waitForFunction(() => document.querySelector('[data-test=evaluation-status]')?.textContent?.includes('待财政审核'));
  }

  staleMessage(): Promise<string> {
    return this.page.locator('[data-test=stale]').innerText();
  }

  /** Reloads after a 409 and waits for the table as now stored. */
  async reload(): Promise<void> {
    const read = this.page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/departments\/[^/]+\/self-evaluation\/\d{4}$/.test(new URL(r.url()).pathname));
    await this.page.click('[data-test=reload]');
    await read;
    await this.page.waitForSelector('[data-test=stale]', { state: 'detached' });
    await this.page.waitForTimeout(100);
  }

  /** Finance's decision; answers whether the dialog let it through before the comment was written. */
  async decide(action: 'approve' | 'return', comment: string): Promise<{ okEnabledWithoutComment: boolean; placeholder: string | null }> {
    await this.page.click(`[data-test=${action}]`);
    const ok = this.page.locator('.ant-modal-footer .ant-btn-primary:visible').last();
    await ok.waitFor();
    const okEnabledWithoutComment = await ok.isEnabled();
    const placeholder = await this.page.locator('[data-test=decision-comment]').getAttribute('placeholder');
    await this.page.fill('[data-test=decision-comment]', comment);
    await ok.click();
    await this.page.waitForSelector(`[data-test=${action}]`, { state: 'detached' });
    return { okEnabledWithoutComment, placeholder };
  }

  returnComment(): Promise<string> {
    return this.page.locator('[data-test=return-comment]').innerText();
  }

  async history(): Promise<string[]> {
    await this.page.click('[data-test=open-history]');
    await this.page.waitForSelector('[data-test=history-item]');
    return this.page.locator('[data-test=history-item]').allInnerTexts();
  }

  async export(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.click('[data-test=export-evaluation]');
    return download;
  }
}
