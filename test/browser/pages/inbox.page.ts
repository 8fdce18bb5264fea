import { Page } from 'playwright-core';

export interface InboxRow {
  stage: string;
  document: string;
  deadline: string;
  overdue: boolean;
}

/** 我的待办, the page every user lands on. */
export class InboxPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.click('ul[nz-menu] a[href="/inbox"]');
    await this.page.waitForURL(/\/inbox$/);
  }

  /** The rows naming `text`, once there are `count` of them. */
  async rowsOf(text: string, count: number): Promise<InboxRow[]> {
    const rows = this.page.locator('[data-test=inbox-row]', { hasText: text });
    await this.page.waitForFunction(([t, n]) => [...document.querySelectorAll('[data-test=inbox-row]')].filter((r) => r.textContent?.includes(t as string)).length === n, [text, count] as const);
    return rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        stage: tr.querySelector('[data-test=inbox-stage]')?.textContent?.trim() ?? '',
        document: (tr.querySelector('a')?.textContent ?? '').trim(),
        deadline: (tr.querySelector('[data-test=inbox-deadline]')?.textContent ?? '').trim(),
        overdue: tr.getAttribute('data-overdue') === 'true',
      })),
    );
  }

  /** The count on the menu's 待办 badge (0 when none is shown), once it reads `expected`. */
  async badge(expected: number): Promise<number> {
    // the badge's digits scroll (each column holds 0–9); its title holds the count
    await this.page.waitForFunction((n) => Number(document.querySelector('[data-test=inbox-badge] nz-badge-sup')?.getAttribute('title') || 0) === n, expected);
    return expected;
  }

  async badgeCount(): Promise<number> {
    await this.page.locator('[data-test=inbox-badge] nz-badge-sup').waitFor();
    return Number(await this.page.locator('[data-test=inbox-badge] nz-badge-sup').getAttribute('title'));
  }

  async select(projectName: string): Promise<void> {
    await this.page.locator('[data-test=inbox-row]', { hasText: projectName }).locator('[data-test=inbox-select] input').check();
  }

  async openBatch(): Promise<void> {
    await this.page.click('[data-test=batch-approve]');
    await this.page.locator('[data-test=batch-confirm]').waitFor();
  }
}
