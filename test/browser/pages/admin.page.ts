import { Locator, Page } from 'playwright-core';

/** 用户管理 and 单位管理: the tables, their filters and the edit dialogs. */
export class AdminPage {
  constructor(private readonly page: Page) {}

  async openUsers(base: string): Promise<void> {
    await this.page.goto(`${base}/admin/users`);
    await this.page.locator('[data-test=users-table] tbody tr[data-user]').first().waitFor();
  }

  async openOrganizations(base: string): Promise<void> {
    await this.page.goto(`${base}/admin/organizations`);
    await this.page.locator('[data-test=organizations-table] tbody tr[data-organization]').first().waitFor();
  }

  userRow(username: string): Locator {
    return this.page.locator(`[data-test=users-table] tr[data-user="${username}"]`);
  }

  organizationRow(name: string): Locator {
    return this.page.locator(`[data-test=organizations-table] tr[data-organization="${name}"]`);
  }

  /** Types into the search box and waits until the table shows exactly `total` users. */
  async search(text: string, total: number): Promise<void> {
    await this.page.fill('[data-test=user-search]', text);
    await this.page.locator('[data-test=user-total]', { hasText: `共 ${total} 个用户` }).waitFor();
  }

  async choose(select: string, option: string): Promise<void> {
    await this.page.click(`${select} .ant-select-selector`);
    // the dropdown draws only the options in view: a searchable one is narrowed to the option first
    const search = this.page.locator(`${select} input.ant-select-selection-search-input:not([readonly])`);
    if (await search.count()) await search.fill(option);
    await this.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
    await this.page.locator(`${select} .ant-select-selection-item[title="${option}"]`).waitFor();
  }

  /** The modal's OK (保存) button of the open dialog holding `form`. */
  async save(form: string): Promise<void> {
    await this.page.locator(`.ant-modal-content:has([data-test=${form}]) .ant-modal-footer .ant-btn-primary`).click();
  }

  /** Clicks a row's action and confirms it in its popconfirm. */
  async confirm(row: Locator, action: string): Promise<void> {
    await row.locator(`[data-test=${action}]`).click();
    await this.page.locator('.ant-popover:visible .ant-btn-primary').click();
  }

  /** The error shown under a form control (nz-form-control's explain). */
  fieldError(control: string): Locator {
    return this.page.locator(`[data-test=${control}] .ant-form-item-explain-error`);
  }
}
