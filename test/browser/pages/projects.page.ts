import { Page } from 'playwright-core';

export interface ProjectRow {
  year: string;
  name: string;
  unit: string;
  total: string;
}

export class ProjectsPage {
  constructor(private readonly page: Page) {}

  async waitForRows(): Promise<void> {
    await this.page.waitForSelector('[data-test=project-row]');
    await this.page.waitForFunction(() => !document.querySelector('[data-test=projects-table] .ant-spin-spinning'));
  }

  async rows(): Promise<ProjectRow[]> {
    await this.waitForRows();
    return this.page.locator('[data-test=project-row]').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim());
        return { year: cells[0], name: cells[1], unit: cells[3], total: cells[6] };
      }),
    );
  }

  /** Picks a year in the filter, as a clerk would; other suites may have opened a later year. */
  async chooseYear(year: number): Promise<void> {
    await this.page.click('[data-test=filter-year]');
    // typed, as a clerk would with many years: the dropdown draws only the options in view
    await this.page.fill('[data-test=filter-year] input', String(year));
    await this.page.click(`.ant-select-dropdown:visible .ant-select-item-option[title="${year} 年度"]`);
    await this.page.waitForFunction(
      (expected) => [...document.querySelectorAll('[data-test=project-row] td:first-child')].every((td) => td.textContent?.trim() === expected),
      String(year),
    );
  }

  async search(text: string): Promise<void> {
    await this.page.fill('[data-test=filter-q]', text);
    await this.page.waitForFunction(
      (expected) => [...document.querySelectorAll('[data-test=project-row] td:nth-child(2)')].every((td) => td.textContent?.includes(expected)),
      text,
    );
  }

  async openProject(name: string): Promise<void> {
    await this.page.click(`[data-test=project-row] a:text-is("${name}")`);
    await this.page.waitForSelector('[data-test=project-detail]');
  }

  async createProject(name: string, appropriation: string): Promise<void> {
    await this.page.click('[data-test=create-project]');
    await this.page.fill('[data-test=project-name]', name);
    await this.page.fill('[data-test=funds-cya]', appropriation);
    await this.page.click('.ant-modal-footer button.ant-btn-primary');
  }
}
