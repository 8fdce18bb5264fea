import { Page } from 'playwright-core';

/** 部门整体绩效目标表 as the department and finance see it. */
export class DepartmentTargetPage {
  constructor(private readonly page: Page) {}

  /** Opens the list from the menu, picks the year (other suites may have opened a later one) and opens the department. */
  async openFromMenu(departmentName: string, year = 2026): Promise<void> {
    await this.openList(year);
    await this.page.click(`[data-test=department-target-row] a:text-is("${departmentName}")`);
    await this.page.waitForSelector('[data-test=department-target]');
  }

  async openList(year: number): Promise<void> {
    await this.page.click('text=部门整体目标');
    await this.page.waitForSelector('[data-test=department-year]');
    await this.page.click('[data-test=department-year]');
    await this.page.click(`.ant-select-item-option[title="${year} 年度"]`);
    await this.page.waitForFunction(
      (y) => [...document.querySelectorAll('[data-test=department-target-row] td:nth-child(2)')].every((td) => td.textContent?.trim() === y) && document.querySelector('[data-test=department-target-row]'),
      String(year),
    );
  }

  async edit(): Promise<void> {
    await this.page.click('[data-test=edit]');
    await this.page.waitForSelector('[data-test=save]');
  }

  async fillDuty(index: number, text: string): Promise<void> {
    await this.page.locator('[data-test=duty]').nth(index).fill(text);
  }

  async addTask(name: string, content: string): Promise<void> {
    await this.page.click('[data-test=add-task]');
    await this.page.locator('[data-test=task-name]').last().fill(name);
    await this.page.locator('[data-test=task-content]').last().fill(content);
  }

  async setBudget(field: string, amount: string): Promise<void> {
    const input = this.page.locator(`[data-test=budget-${field}]`);
    await input.fill(amount);
    await input.press('Tab');
  }

  async paste(rows: string): Promise<void> {
    await this.page.click('[data-test=paste]');
    await this.page.fill('[data-test=paste-box]', rows);
    await this.page.click('.ant-modal-footer button.ant-btn-primary');
    await this.page.waitForSelector('.ant-modal-wrap', { state: 'detached' });
  }

  async removeRow(index: number): Promise<void> {
    await this.page.locator('[data-test=remove-row]').nth(index).click();
  }

  checks(): Promise<string[]> {
    return this.page.locator('[data-test=sheet-check], [data-test=row-check]').allInnerTexts();
  }

  /** Waits until nothing blocks submission, as the checks re-run after each change. */
  async waitForNoBlockingChecks(): Promise<void> {
    await this.page.waitForFunction(() => ![...document.querySelectorAll('[data-test=sheet-check], [data-test=row-check]')].some((e) => e.textContent?.includes('✖')));
  }

  async save(): Promise<void> {
    await this.page.click('[data-test=save]');
    await this.page.waitForSelector('[data-test=edit]');
  }

  async submit(): Promise<void> {
    await this.page.click('[data-test=submit]');
    await this.page.waitForFunction(() => document.querySelector('[data-test=department-status]')?.textContent?.includes('待财政审核'));
  }

  async review(decision: 'approve' | 'return', comment: string): Promise<void> {
    await this.page.fill('[data-test=review-comment]', comment);
    await this.page.click(`[data-test=${decision}]`);
    await this.page.waitForSelector('[data-test=review-panel]', { state: 'detached' });
  }

  status(): Promise<string> {
    return this.page.locator('[data-test=department-status]').innerText();
  }

  returnComment(): Promise<string> {
    return this.page.locator('[data-test=return-comment]').innerText();
  }

  text(): Promise<string> {
    return this.page.locator('[data-test=department-target]').innerText();
  }

  /** The review history once it lists version `number`, one line a version. */
  async history(number: number): Promise<string[]> {
    await this.page.locator('[data-test=history] [data-test=history-item]', { hasText: `第 ${number} 版` }).waitFor();
    return (await this.page.locator('[data-test=history] [data-test=history-item]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** The department's project sheets of the year as listed under its target: name, code, unit, budget, state, version. */
  async projects(): Promise<string[][]> {
    await this.page.locator('[data-test=department-project-row]').first().waitFor();
    await this.page.waitForFunction(() => !document.querySelector('[data-test=department-projects] .ant-spin-spinning'));
    return this.page.locator('[data-test=department-project-row]').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
  }

  async openProjectSheet(name: string): Promise<void> {
    await this.page.click(`[data-test=department-project-link]:text-is("${name}")`);
    await this.page.waitForSelector('[data-test=sheet-table]');
  }
}
