import { Locator, Page } from 'playwright-core';

/** 绩效自评: the year's list (and finance's round card) and the 项目支出绩效自评表. */
export class SelfEvaluationPage {
  constructor(private readonly page: Page) {}

  async openList(base: string): Promise<void> {
    await this.page.goto(`${base}/self-evaluation`);
    await this.page.waitForSelector('[data-test=evaluations-table]');
  }

  async openEvaluation(base: string, id: string): Promise<void> {
    await this.page.goto(`${base}/self-evaluation/${id}`);
    await this.page.waitForSelector('[data-test=self-evaluation] [data-test=sheet-row]');
  }

  async chooseYear(year: number): Promise<void> {
    await this.page.click('[data-test=evaluation-year]');
    await this.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${year} 年度"]`).click();
  }

  /** Finance opens the year with a deadline; answers the success message. */
  async openRound(deadline: string): Promise<string> {
    await this.page.fill('[data-test=round-deadline]', deadline);
    await this.page.click('[data-test=open-round]');
    return this.page.locator('.ant-message-success').last().innerText();
  }

  roundEvaluations(): Promise<string> {
    return this.page.locator('[data-test=round-evaluations]').innerText();
  }

  async listRow(projectName: string): Promise<{ status: string; total: string; grade: string }> {
    const row = this.page.locator('[data-test=evaluation-row]', { hasText: projectName });
    const cells = await row.locator('td').allInnerTexts();
    return { status: cells[2].trim(), total: cells[3].trim(), grade: cells[4].trim() };
  }

  private row(n: number): Locator {
    return this.page.locator(`[data-test=sheet-row] >> nth=${n - 1}`);
  }

  async setBudget(executed: string, adjustment = ''): Promise<void> {
    await this.page.fill('[data-test=budget-executed]', executed);
    if (adjustment) await this.page.fill('[data-test=budget-adjustment]', adjustment);
  }

  budgetFormula(): Promise<string> {
    return this.page.locator('[data-test=budget-formula]').innerText();
  }

  async setGoalActual(text: string): Promise<void> {
    await this.page.fill('[data-test=goal-actual]', text);
  }

  async setActual(n: number, actual: string): Promise<void> {
    await this.row(n).locator('[data-test=cell-actual]').fill(actual);
  }

  /** A tier row: what was achieved in words, the tier, and a score inside it. */
  async setTier(n: number, description: string, tier: string, score: string): Promise<void> {
    const row = this.row(n);
    await row.locator('[data-test=cell-actual]').fill(description);
    await row.locator('[data-test=cell-tier]').click();
    await this.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${tier}"]`).click();
    await row.locator('[data-test=cell-tier-score]').fill(score);
  }

  tierRange(n: number): Promise<string> {
    return this.row(n).locator('[data-test=tier-range]').innerText();
  }

  async setNote(n: number, note: string): Promise<void> {
    await this.row(n).locator('[data-test=cell-deviation-note]').fill(note);
  }

  async noteRequired(n: number): Promise<boolean> {
    return (await this.row(n).locator('[data-test=cell-deviation-note]').getAttribute('data-required')) === 'true';
  }

  /** The score in force, the struck-through computed one (when overridden), its arithmetic and the override's note. */
  async scoreOf(n: number): Promise<{ score: string; computed: string | null; formula: string; override: string | null }> {
    const cell = this.row(n).locator('td[data-col=score]');
    const computed = cell.locator('[data-test=computed-score]');
    const override = cell.locator('[data-test=override-note]');
    return {
      score: await cell.locator('[data-test=score]').innerText(),
      computed: (await computed.count()) ? await computed.innerText() : null,
      formula: await cell.locator('[data-test=score-formula]').innerText(),
      override: (await override.count()) ? await override.innerText() : null,
    };
  }

  rowChecks(n: number): Promise<string[]> {
    return this.row(n).locator('[data-test=row-check]').allInnerTexts();
  }

  async total(): Promise<{ total: string; grade: string; formula: string }> {
    return {
      total: await this.page.locator('[data-test=total-score]').innerText(),
      grade: await this.page.locator('[data-test=grade]').innerText(),
      formula: await this.page.locator('[data-test=grade-formula]').innerText(),
    };
  }

  async evidenceMissing(n: number): Promise<boolean> {
    return (await this.row(n).locator('[data-test=evidence-missing]').count()) > 0;
  }

  async upload(n: number, name: string, content: Buffer, mimeType: string): Promise<void> {
    await this.row(n).locator('[data-test=evidence-upload]').setInputFiles({ name, mimeType, buffer: content });
    await this.row(n).locator('[data-test=evidence-file]', { hasText: name }).waitFor();
  }

  /** Saves; answers the message shown (success or the refusal). */
  async save(): Promise<string> {
    const before = await this.page.locator('.ant-message-notice').count();
    await this.page.click('[data-test=save-evaluation]');
    await this.page.waitForFunction((n) => document.querySelectorAll('.ant-message-notice').length > n, before);
    return this.page.locator('.ant-message-notice').last().innerText();
  }

  submitDisabled(): Promise<boolean> {
    return this.page.locator('[data-test=submit-evaluation]').isDisabled();
  }

  async submit(): Promise<void> {
    await this.page.click('[data-test=submit-evaluation]');
    await this.page.waitForFunction(() => document.querySelector('[data-test=evaluation-status]')?.textContent?.includes('待主管部门审核'));
  }

  status(): Promise<string> {
    return this.page.locator('[data-test=evaluation-status]').innerText();
  }

  staleMessage(): Promise<string> {
    return this.page.locator('[data-test=stale]').innerText();
  }

  /** Reloads after a 409 and waits for the evaluation as now stored. */
  async reload(): Promise<void> {
    const read = this.page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/self-evaluations\/[^/.]+$/.test(new URL(r.url()).pathname));
    await this.page.click('[data-test=reload]');
    await read;
    await this.page.waitForSelector('[data-test=stale]', { state: 'detached' });
    await this.page.waitForTimeout(100);
  }

  /** A reviewer replaces row n's computed score; answers what the dialog showed as computed. */
  async override(n: number, score: string, reason: string): Promise<string> {
    await this.row(n).locator('[data-test=override]').click();
    const computed = await this.page.locator('[data-test=override-computed]').innerText();
    await this.page.fill('[data-test=override-score]', score);
    await this.page.fill('[data-test=override-reason]', reason);
    await this.page.locator('.ant-modal-footer .ant-btn-primary:visible').last().click();
    await this.row(n).locator('[data-test=computed-score]').waitFor();
    return computed;
  }

  async decide(action: 'approve' | 'return', comment: string): Promise<void> {
    await this.page.click(`[data-test=${action}]`);
    await this.page.fill('[data-test=decision-comment]', comment);
    await this.page.locator('.ant-modal-footer .ant-btn-primary:visible').last().click();
    await this.page.waitForSelector(`[data-test=${action}]`, { state: 'detached' });
  }

  async history(): Promise<string[]> {
    await this.page.click('[data-test=open-history]');
    await this.page.waitForSelector('[data-test=history-item]');
    return this.page.locator('[data-test=history-item]').allInnerTexts();
  }

  /** Imports a filled workbook: answers the dry run's preview; confirms when asked. */
  async importWorkbook(name: string, content: Buffer, confirm: boolean): Promise<string> {
    await this.page.click('[data-test=import-evaluation]');
    await this.page.setInputFiles('[data-test=import-file]', { name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: content });
    await this.page.waitForSelector('[data-test=import-preview], [data-test=import-refused]');
    const preview = await this.page.locator('.ant-modal-body').innerText();
    if (confirm) {
      await this.page.click('[data-test=import-confirm]');
      await this.page.waitForSelector('[data-test=import-preview]', { state: 'detached' });
    }
    return preview;
  }
}
