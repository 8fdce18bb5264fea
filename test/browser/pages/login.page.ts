import { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(base: string): Promise<void> {
    await this.page.goto(`${base}/login`);
    await this.page.waitForSelector('[data-test=login-form]');
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.fill('input[name=username]', username);
    await this.page.fill('input[name=password]', password);
    await this.page.click('[data-test=login-form] button[type=submit]');
  }

  /** Signs in, lands on 待办 as every user does, then opens `then` from the menu when given. */
  async signInAs(username: string, password: string, then?: string): Promise<void> {
    await this.signIn(username, password);
    await this.page.waitForURL(/\/inbox$/);
    if (!then) return;
    await this.page.click(`ul[nz-menu] a[href="${then}"]`);
    await this.page.waitForURL(new RegExp(`${then}$`));
  }

  error(): Promise<string> {
    return this.page.locator('[data-test=login-error]').innerText();
  }
}
