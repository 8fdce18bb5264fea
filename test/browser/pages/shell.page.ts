import { Page } from 'playwright-core';

export class Shell {
  constructor(private readonly page: Page) {}

  currentUser(): Promise<string> {
    return this.page.locator('[data-test=current-user]').innerText();
  }

  menu(): Promise<string[]> {
    // without the 待办 badge's count
    return this.page.locator('ul[nz-menu] li').allInnerTexts().then((items) => items.map((i) => i.replace(/\d+/g, '').trim()));
  }

  async logout(): Promise<void> {
    await this.page.click('[data-test=logout]');
    await this.page.waitForSelector('[data-test=login-form]');
  }
}
