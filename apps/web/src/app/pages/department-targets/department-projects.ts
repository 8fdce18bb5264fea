import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ProjectDto } from '@pm/api-contract';
import { NzTableModule } from 'ng-zorro-antd/table';
import { PATHS } from '../../paths';
import { YuanPipe } from '../../shared/money';
import { ProjectsApi } from '../projects/projects.api';
import { sheetStateLabel } from '../projects/projects.text';
import { SHEET_TEXT } from '../targets/targets.text';
import { DEPARTMENT_TARGET_TEXT } from './department-targets.text';

/** The 项目支出绩效目标表 of a department's units for a year, a page at a time, each opening its sheet. */
@Component({
  selector: 'pm-department-projects',
  imports: [RouterLink, NzTableModule, YuanPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table
      #table
      nzSize="small"
      nzBordered
      [nzData]="page.value()?.items ?? []"
      [nzTotal]="page.value()?.total ?? 0"
      [nzFrontPagination]="false"
      [nzPageIndex]="pageIndex()"
      [nzPageSize]="pageSize"
      [nzLoading]="page.isLoading()"
      [nzShowTotal]="totalTpl"
      [nzNoResult]="text.noProjects"
      nzHideOnSinglePage
      (nzPageIndexChange)="pageIndex.set($event)"
      data-test="department-projects"
    >
      <thead>
        <tr>
          <th>{{ text.projectColumns.name }}</th>
          <th nzWidth="190px">{{ text.projectColumns.code }}</th>
          <th nzWidth="240px">{{ text.projectColumns.unit }}</th>
          <th nzWidth="150px" class="num">{{ text.projectColumns.total }}</th>
          <th nzWidth="120px">{{ text.projectColumns.status }}</th>
          <th nzWidth="130px">{{ text.projectColumns.version }}</th>
        </tr>
      </thead>
      <tbody>
        @for (p of table.data; track p.id) {
          <tr data-test="department-project-row">
            <td><a [routerLink]="[projectsPath, p.id, 'target-sheet']" data-test="department-project-link">{{ p.name }}</a></td>
            <td>{{ p.code ?? '—' }}</td>
            <td>{{ p.unitName }}</td>
            <td class="num">{{ p.funds.total | yuan }}</td>
            <td>{{ status(p) }}</td>
            <td>{{ version(p) }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #totalTpl let-total>{{ text.projectsTotal(total) }}</ng-template>
  `,
  styles: `
    .num { text-align: right; font-variant-numeric: tabular-nums; }
  `,
})
export class DepartmentProjects {
  private readonly api = inject(ProjectsApi);
  readonly departmentId = input.required<string>();
  readonly year = input.required<number>();
  protected readonly text = DEPARTMENT_TARGET_TEXT;
  protected readonly projectsPath = PATHS.projects;
  protected readonly pageSize = 20;
  /** Back to the first page when another department or year is shown. */
  protected readonly pageIndex = linkedSignal<{ id: string; year: number }, number>({ source: () => ({ id: this.departmentId(), year: this.year() }), computation: () => 1 });
  protected readonly page = resource({
    params: () => ({ departmentId: this.departmentId(), fiscalYear: this.year(), page: this.pageIndex(), pageSize: this.pageSize }),
    loader: ({ params }) => this.api.list(params),
  });

  protected status(p: ProjectDto): string {
    return sheetStateLabel(p.targetSheet.status, p.targetSheet.version, p.targetSheet.isAdjustment);
  }

  /** The sheet's 第 N 版 as its page says it. */
  protected version(p: ProjectDto): string {
    const { historyVersion, status } = p.targetSheet;
    if (historyVersion === 0) return SHEET_TEXT.notSubmitted;
    return status === 'draft' ? SHEET_TEXT.editingAfter(historyVersion) : SHEET_TEXT.versionNumber(historyVersion);
  }
}
