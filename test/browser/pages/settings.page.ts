import { Locator, Page } from 'playwright-core';

/** 评分参数: the profiles, the year table, the profile editor and the what-if panel. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  async open(base: string): Promise<void> {
    await this.page.goto(`${base}/settings`);
    await this.page.waitForSelector('[data-test=profiles-table] [data-test=profile-row]');
  }

  async newProfile(): Promise<void> {
    await this.page.click('[data-test=new-profile]');
    await this.page.waitForSelector('[data-test=profile-editor]');
  }

  /** The input of a parameter, by the path its problems name (`gradeBands.优`). */
  field(path: string): Locator {
    return this.page.locator(`[data-test=profile-editor] input[data-field="${path}"]`);
  }

  async fill(path: string, value: string): Promise<void> {
    await this.field(path).fill(value);
  }

  /** Chooses the linear 反向 rule and waits for its worked example (the radio's model reaches the page a tick later). */
  async chooseLinearRule(): Promise<void> {
    await this.page.click('[data-test=reverse-linear]');
    await this.page.waitForFunction(() => document.querySelector('[data-test=reverse-example]')?.textContent?.includes('(1 −'));
  }

  reverseExample(): Promise<string> {
    return this.page.locator('[data-test=reverse-example]').innerText();
  }

  /** The problems shown under a field, without their ✖. */
  async problemsOf(path: string): Promise<string[]> {
    const shown = await this.page.locator(`[data-test=profile-editor] [data-test=field-problem][data-field="${path}"]`).allInnerTexts();
    return shown.map((t) => t.replace(/^✖\s*/, ''));
  }

  problemSummary(): Promise<string> {
    return this.page.locator('[data-test=profile-problems]').innerText();
  }

  saveDisabled(): Promise<boolean> {
    return this.page.locator('[data-test=save-profile-as-new]').isDisabled();
  }

  /** Saves as a new profile and answers the message the page shows (saved, or why not). */
  async saveAsNew(outcome: 'success' | 'error'): Promise<string> {
    await this.page.click('[data-test=save-profile-as-new]');
    return this.page.locator(`.ant-message-${outcome}`).last().innerText();
  }

  profileNames(): Promise<string[]> {
    return this.page.locator('[data-test=profile-row] td:first-child').allInnerTexts();
  }

  yearsOf(profileName: string): Promise<string> {
    return this.page.locator(`[data-test=profile-row]:has(td:first-child:text-is("${profileName}")) [data-test=profile-years]`).innerText();
  }

  async chooseForYear(year: number, profileName: string): Promise<void> {
    await this.choose(this.page.locator(`[data-test=year-row][data-year="${year}"] [data-test=year-profile]`), profileName);
    await this.page.waitForSelector(`.ant-message-success:has-text("${year} 年度已采用")`);
  }

  async runWhatIf(profileName: string, year: number): Promise<void> {
    await this.choose(this.page.locator('[data-test=what-if-profile]'), profileName);
    await this.choose(this.page.locator('[data-test=what-if-year]'), `${year} 年度`);
    await this.page.click('[data-test=run-what-if]');
    await this.page.waitForSelector('[data-test=what-if-note]');
  }

  whatIfNote(): Promise<string> {
    return this.page.locator('[data-test=what-if-note]').innerText();
  }

  whatIfSummary(): Promise<string> {
    return this.page.locator('[data-test=what-if-summary]').innerText();
  }

  /** The rows of changes once their indicator names are read. */
  async whatIfRows(): Promise<{ text: string; gradeMoved: boolean }[]> {
    await this.page.waitForFunction(() => !document.querySelector('[data-test=what-if-row] td:nth-child(2)')?.textContent?.includes('…'));
    const rows = this.page.locator('[data-test=what-if-row]');
    const texts = await rows.allInnerTexts();
    const moved = await rows.evaluateAll((trs) => trs.map((tr) => tr.classList.contains('moved')));
    return texts.map((text, n) => ({ text: text.replace(/\s+/g, ' ').trim(), gradeMoved: moved[n] }));
  }

  rescoreDisabled(): Promise<boolean> {
    return this.page.locator('[data-test=rescore]').isDisabled();
  }

  rescoreHint(): Promise<string> {
    return this.page.locator('[data-test=rescore-hint]').innerText();
  }

  /** Opens the confirm dialog and answers its text. */
  async askRescore(): Promise<string> {
    await this.page.click('[data-test=rescore]');
    const dialog = this.page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    return dialog.innerText();
  }

  async confirmRescore(): Promise<string> {
    await this.page.click('.ant-modal-confirm .ant-modal-confirm-btns .ant-btn-primary');
    await this.page.waitForSelector('[data-test=rescore-result]');
    return this.page.locator('[data-test=rescore-result]').innerText();
  }

  async openResults(year: number): Promise<ResultsPage> {
    await this.page.click(`[data-test=year-row][data-year="${year}"] [data-test=year-results]`);
    await this.page.waitForURL(new RegExp(`/self-evaluation/results\\?fiscalYear=${year}$`));
    const results = new ResultsPage(this.page);
    await results.waitForCharts();
    return results;
  }

  private async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }
}

/** 自评结果汇总: the three charts, their counts and the list behind them. */
export class ResultsPage {
  constructor(private readonly page: Page) {}

  async open(base: string, year: number): Promise<void> {
    await this.page.goto(`${base}/self-evaluation/results?fiscalYear=${year}`);
    await this.waitForCharts();
  }

  async waitForCharts(): Promise<void> {
    for (const chart of ['chart-department-grades', 'chart-distribution', 'chart-scatter']) await this.page.waitForSelector(`[data-test=${chart}] canvas`);
  }

  title(): Promise<string> {
    return this.page.locator('[data-test=results] .ant-card-head-title').innerText();
  }

  async counts(): Promise<string> {
    return (await this.page.locator('[data-test=results-counts]').innerText()).replace(/\s+/g, ' ');
  }

  async filterGrade(grade: string): Promise<void> {
    await this.page.click(`[data-test=results-grade] [nz-radio-button]:has-text("${grade}")`);
    // the list reloads a tick after the click: wait until what it shows is the filtered list
    await this.page.waitForFunction((g) => {
      if (document.querySelector('[data-test=results-list] .ant-spin-spinning')) return false;
      const rows = [...document.querySelectorAll('[data-test=results-row]')].map((r) => r.textContent ?? '');
      if (!['优', '良', '中', '差'].includes(g)) return rows.length > 0;
      return rows.length > 0 ? rows.every((r) => r.includes(g)) : !!document.querySelector('[data-test=results-list] .ant-empty');
    }, grade);
  }

  /** Clicks the scatter's point drawn in a colour (the grades have their own), found on the canvas below the legend. */
  async clickPoint([r, g, b]: [number, number, number]): Promise<void> {
    const canvas = this.page.locator('[data-test=chart-scatter] canvas').first();
    const box = await canvas.boundingBox();
    const at = await canvas.evaluate((c: HTMLCanvasElement, rgb: number[]) => {
      const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
      const ratio = c.width / c.clientWidth;
      let [sx, sy, n] = [0, 0, 0];
      for (let y = Math.round(50 * ratio); y < c.height; y++) {
        for (let x = 0; x < c.width; x++) {
          const i = (y * c.width + x) * 4;
          if (Math.abs(data[i] - rgb[0]) < 24 && Math.abs(data[i + 1] - rgb[1]) < 24 && Math.abs(data[i + 2] - rgb[2]) < 24) [sx, sy, n] = [sx + x, sy + y, n + 1];
        }
      }
      return n ? { x: sx / n / ratio, y: sy / n / ratio } : null;
    }, [r, g, b]);
    if (!box || !at) throw new Error(`no point drawn in rgb(${r}, ${g}, ${b})`);
    await this.page.mouse.click(box.x + at.x, box.y + at.y);
  }

  async rows(): Promise<string[]> {
    await this.page.waitForFunction(() => !document.querySelector('[data-test=results-list] .ant-spin-spinning'));
    return (await this.page.locator('[data-test=results-row]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
}
