import { Page } from 'playwright-core';

/** 导入目标表: choose the year, upload, preview, tick the unit confirmation, confirm once. */
export class ImportsPage {
  constructor(private readonly page: Page) {}

  async open(base: string): Promise<void> {
    await this.page.goto(`${base}/imports`);
    await this.page.waitForSelector('[data-test=import-year]');
  }

  async chooseYear(year: number): Promise<void> {
    await this.page.click('[data-test=import-year]');
    await this.page.click(`.ant-select-item-option[title="${year} 年度"]`);
  }

  async preview(file: string): Promise<void> {
    await this.page.setInputFiles('[data-test=import-file]', file);
    await this.page.click('[data-test=import-preview]');
    await this.page.locator('[data-test=import-result]').waitFor();
  }

  text(selector: string): Promise<string> {
    return this.page.locator(`[data-test=${selector}]`).innerText();
  }

  texts(selector: string): Promise<string[]> {
    return this.page.locator(`[data-test=${selector}]`).allInnerTexts();
  }

  confirmDisabled(): Promise<boolean> {
    return this.page.locator('[data-test=import-confirm]').isDisabled();
  }

  async tickUnitConfirmation(): Promise<void> {
    await this.page.click('[data-test=import-unit-confirm]');
    await this.page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-test=import-confirm]')?.disabled);
  }

  /** Opens the one confirmation dialog and answers its lines. */
  async openConfirmation(): Promise<string[]> {
    await this.page.click('[data-test=import-confirm]');
    await this.page.locator('[data-test=import-confirm-line]').first().waitFor();
    return this.page.locator('[data-test=import-confirm-line]').allInnerTexts();
  }

  dialogs(): Promise<number> {
    return this.page.locator('.ant-modal-confirm').count();
  }

  async acceptConfirmation(): Promise<void> {
    await this.page.click('.ant-modal-confirm .ant-modal-confirm-btns .ant-btn-primary');
    await this.page.locator('text=导入完成').waitFor();
    await this.page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
  }
}
