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

  error(): Promise<string> {
    return this.page.locator('[data-test=login-error]').innerText();
  }
}
