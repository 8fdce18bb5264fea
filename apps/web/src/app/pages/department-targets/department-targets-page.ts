import { ChangeDetectionStrategy, Component, inject, linkedSignal, resource } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { DEPARTMENT_TARGET_STATUS_LABELS } from '@pm/domain';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { PATHS } from '../../paths';
import { ReferenceDataService } from '../../shared/reference/reference-data.service';
import { DepartmentTargetsApi } from './department-targets.api';

/** Every department in the user's scope with the state of its overall target for a year. */
@Component({
  selector: 'pm-department-targets-page',
  imports: [FormsModule, RouterLink, NzCardModule, NzSelectModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzSize="small" [nzTitle]="'部门整体绩效目标'" [nzExtra]="yearTpl">
      <ng-template #yearTpl>
        <nz-select [ngModel]="fiscalYear()" (ngModelChange)="fiscalYear.set($event)" style="width: 130px" data-test="department-year">
          @for (y of reference.fiscalYears.value() ?? []; track y.year) { <nz-option [nzValue]="y.year" [nzLabel]="y.year + ' 年度'" /> }
        </nz-select>
      </ng-template>
      <nz-table #table nzSize="small" nzBordered [nzData]="targets.value() ?? []" [nzLoading]="targets.isLoading()" [nzPageSize]="50" nzHideOnSinglePage nzNoResult="没有可查看的主管部门" data-test="department-targets-table">
        <thead><tr><th>主管部门</th><th nzWidth="80px">年度</th><th nzWidth="160px">状态</th><th nzWidth="170px">最近修改</th></tr></thead>
        <tbody>
          @for (t of table.data; track t.departmentId) {
            <tr data-test="department-target-row">
              <td><a [routerLink]="[base, t.departmentId, t.fiscalYear]">{{ t.departmentName }}</a></td>
              <td>{{ t.fiscalYear }}</td>
              <td>
                @if (t.version === 0) { <nz-tag>未填报</nz-tag> }
                @else { <nz-tag [nzColor]="t.status === 'approved' ? 'green' : t.status === 'submitted' ? 'blue' : 'default'">{{ labels[t.status] }}</nz-tag> }
                @if (t.returned) { <nz-tag nzColor="red">被退回</nz-tag> }
              </td>
              <td>{{ t.updatedAt ? t.updatedAt.slice(0, 16).replace('T', ' ') : '—' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
})
export class DepartmentTargetsPage {
  private readonly api = inject(DepartmentTargetsApi);
  protected readonly reference = inject(ReferenceDataService);
  protected readonly base = PATHS.departmentTargets;
  protected readonly labels = DEPARTMENT_TARGET_STATUS_LABELS;
  /** Starts on the newest open year; the user may change it. */
  protected readonly fiscalYear = linkedSignal<number | null>(() => (this.reference.fiscalYears.value() ?? []).find((y) => y.status === 'open')?.year ?? null);
  protected readonly targets = resource({
    params: () => this.fiscalYear() ?? undefined,
    loader: ({ params }) => this.api.list(params),
  });
}
