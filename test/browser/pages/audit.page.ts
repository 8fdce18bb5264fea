import { Download, Page } from 'playwright-core';

/** 变更记录: the filter bar, the rows as shown, the export. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  async openFromMenu(): Promise<void> {
    await this.page.locator('ul[nz-menu] li', { hasText: '变更记录' }).click();
    await this.page.waitForURL(/\/audit$/);
    await this.settled();
  }

  /** The first rows shown and no load under way. */
  private async settled(): Promise<void> {
    await this.page.locator('[data-test=audit-row]').first().waitFor();
    await this.page.locator('[data-test=audit-table] .ant-spin-blur').waitFor({ state: 'detached' });
  }

  /** Picks an action in the select by its Chinese label and waits until every row shows it. */
  async filterByAction(label: string): Promise<void> {
    await this.page.click('[data-test=filter-action]');
    await this.page.locator('nz-option-item', { hasText: label }).first().click();
    await this.page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await this.waitUntilEveryRow('[data-test=audit-action]', label);
  }

  /** Types into the object filter and waits until every row names it. */
  async filterByObject(text: string): Promise<void> {
    await this.page.fill('[data-test=filter-object]', text);
    await this.waitUntilEveryRow('[data-test=audit-object]', text);
  }

  private async waitUntilEveryRow(cell: string, text: string): Promise<void> {
    await this.page.waitForFunction(
      ([selector, words]) => {
        const cells = [...document.querySelectorAll(selector)];
        return cells.length > 0 && cells.every((c) => c.textContent?.includes(words));
      },
      [cell, text] as const,
    );
    await this.settled();
  }

  /** Each row's cells as shown. */
  rows(): Promise<string[][]> {
    return this.page.locator('[data-test=audit-row]').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));
  }

  async export(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.click('[data-test=audit-export]');
    return download;
  }
}
