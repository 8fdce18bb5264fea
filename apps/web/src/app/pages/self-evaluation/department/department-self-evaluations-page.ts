import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { PATHS } from '../../../paths';
import { ReferenceDataService } from '../../../shared/reference/reference-data.service';
import { DEPARTMENT_SELF_EVALUATION_STATUS_LABELS } from '../self-evaluation.text';
import { DepartmentSelfEvaluationApi } from './department-self-evaluation.api';
import { DEPARTMENT_SELF_EVALUATION_TEXT } from './department-self-evaluation.text';

/** The year's departments in the user's scope, each with the state of its 部门整体支出绩效自评表 and its 执行率. */
@Component({
  selector: 'pm-department-self-evaluations-page',
  imports: [FormsModule, RouterLink, NzBreadCrumbModule, NzCardModule, NzSelectModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../../shared/sheet.css',
  template: `
    <nz-breadcrumb>
      <nz-breadcrumb-item><a [routerLink]="selfEvaluation">{{ text.menu }}</a></nz-breadcrumb-item>
      <nz-breadcrumb-item>{{ text.list }}</nz-breadcrumb-item>
    </nz-breadcrumb>
    <nz-card nzSize="small" [nzTitle]="text.list" [nzExtra]="yearTpl">
      <ng-template #yearTpl>
        <nz-select [ngModel]="year()" (ngModelChange)="year.set($event); page.set(1)" style="width: 120px" data-test="department-evaluation-year">
          @for (y of reference.fiscalYears.value() ?? []; track y.year) { <nz-option [nzValue]="y.year" [nzLabel]="y.year + ' 年度'" /> }
        </nz-select>
      </ng-template>
      <nz-table #table nzSize="small" nzBordered [nzFrontPagination]="false" [nzData]="list.value()?.items ?? []" [nzTotal]="list.value()?.total ?? 0" [nzPageIndex]="page()" [nzPageSize]="pageSize"
        (nzPageIndexChange)="page.set($event)" [nzHideOnSinglePage]="true" [nzLoading]="list.isLoading()" [nzNoResult]="text.noDepartments" data-test="department-evaluations-table">
        <thead><tr><th>{{ text.department }}</th><th nzWidth="80px">{{ text.year }}</th><th nzWidth="140px">{{ text.status }}</th><th nzWidth="110px">{{ text.rate }}</th></tr></thead>
        <tbody>
          @for (d of table.data; track d.departmentId) {
            <tr data-test="department-evaluation-row">
              <td><a [routerLink]="[base, d.departmentId, d.fiscalYear]">{{ d.departmentName }}</a></td>
              <td>{{ d.fiscalYear }}</td>
              <td>
                @if (d.status) { <nz-tag [nzColor]="d.status === 'approved' ? 'green' : d.status === 'submitted' ? 'blue' : 'default'">{{ labels[d.status] }}</nz-tag> }
                @else { <nz-tag>{{ text.notStarted }}</nz-tag> }
              </td>
              <td class="num" data-test="row-rate">{{ d.rate === null ? '—' : d.rate + '%' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
})
export class DepartmentSelfEvaluationsPage {
  private readonly api = inject(DepartmentSelfEvaluationApi);
  protected readonly reference = inject(ReferenceDataService);
  /** `?fiscalYear=2026`, as the table links back here. */
  readonly fiscalYear = input<string>();
  protected readonly text = DEPARTMENT_SELF_EVALUATION_TEXT;
  protected readonly labels = DEPARTMENT_SELF_EVALUATION_STATUS_LABELS;
  protected readonly base = PATHS.departmentSelfEvaluations;
  protected readonly selfEvaluation = PATHS.selfEvaluation;
  protected readonly pageSize = 50;
  /** The year asked for, else the newest open one. */
  protected readonly year = linkedSignal<number | null>(() => {
    const years = this.reference.fiscalYears.value() ?? [];
    const asked = Number(this.fiscalYear());
    if (years.some((y) => y.year === asked)) return asked;
    return years.filter((y) => y.status === 'open').sort((a, b) => b.year - a.year)[0]?.year ?? null;
  });
  protected readonly page = signal(1);
  protected readonly list = resource({
    params: () => {
      const year = this.year();
      return year ? { year, page: this.page() } : undefined;
    },
    loader: ({ params }) => this.api.list(params.year, params.page, this.pageSize),
  });
}
