import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Grade, GRADES, SHEET_STATUSES, SheetStatus } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { SessionService } from '../../core/session.service';
import { PATHS } from '../../paths';
import { ReferenceDataService } from '../../shared/reference/reference-data.service';
import { RoundCard } from './round-card';
import { SelfEvaluationApi } from './self-evaluation.api';
import { EVALUATION_STATUS_LABELS, FLAG_LABELS, GRADE_COLOURS, SELF_EVALUATION_TEXT } from './self-evaluation.text';

/** The year's 自评表 in the user's scope with total, grade and flags; finance opens the year here. */
@Component({
  selector: 'pm-self-evaluations-page',
  imports: [FormsModule, RouterLink, RoundCard, NzButtonModule, NzCardModule, NzCheckboxModule, NzSelectModule, NzTableModule, NzTagModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../shared/sheet.css',
  template: `
    @if (canManage() && fiscalYear(); as year) { <pm-round-card [fiscalYear]="year" (opened)="evaluations.reload()" class="round" /> }
    <nz-card nzSize="small" [nzTitle]="text.list" [nzExtra]="filterTpl">
      <ng-template #filterTpl>
        <div class="bar" style="margin: 0">
          <nz-select [ngModel]="fiscalYear()" (ngModelChange)="setYear($event)" style="width: 120px" data-test="evaluation-year">
            @for (y of reference.fiscalYears.value() ?? []; track y.year) { <nz-option [nzValue]="y.year" [nzLabel]="y.year + ' 年度'" /> }
          </nz-select>
          <nz-select [ngModel]="status()" (ngModelChange)="status.set($event); page.set(1)" nzAllowClear [nzPlaceHolder]="text.allStatuses" style="width: 150px" data-test="filter-status">
            @for (s of statuses; track s) { <nz-option [nzValue]="s" [nzLabel]="statusLabels[s]" /> }
          </nz-select>
          <nz-select [ngModel]="grade()" (ngModelChange)="grade.set($event); page.set(1)" nzAllowClear [nzPlaceHolder]="text.allGrades" style="width: 110px" data-test="filter-grade">
            @for (g of grades; track g) { <nz-option [nzValue]="g" [nzLabel]="g" /> }
          </nz-select>
          @if (canSeeResults()) { <a nz-button nzSize="small" [routerLink]="results" data-test="open-results">{{ text.results }}</a> }
          @if (canSeeDepartments()) { <a nz-button nzSize="small" [routerLink]="departments" [queryParams]="{ fiscalYear: fiscalYear() }" data-test="open-department-evaluations">{{ text.departmentEvaluations }}</a> }
          <span nz-checkbox [ngModel]="flagged()" (ngModelChange)="flagged.set($event); page.set(1)" data-test="filter-flagged">{{ text.onlyFlagged }}</span>
        </div>
      </ng-template>
      <nz-table #table nzSize="small" nzBordered nzShowSizeChanger [nzFrontPagination]="false" [nzData]="evaluations.value()?.items ?? []" [nzTotal]="evaluations.value()?.total ?? 0"
        [nzPageIndex]="page()" [nzPageSize]="pageSize()" (nzPageIndexChange)="page.set($event)" (nzPageSizeChange)="pageSize.set($event); page.set(1)" [nzLoading]="evaluations.isLoading()"
        [nzNoResult]="text.noEvaluations" data-test="evaluations-table">
        <thead><tr><th>{{ text.project }}</th><th nzWidth="240px">{{ text.unit }}</th><th nzWidth="130px">{{ text.status }}</th><th nzWidth="80px">{{ text.total }}</th><th nzWidth="60px">{{ text.grade }}</th><th nzWidth="220px">{{ text.flags }}</th></tr></thead>
        <tbody>
          @for (r of table.data; track r.id) {
            <tr data-test="evaluation-row">
              <td><a [routerLink]="[base, r.id]">{{ r.projectName }}</a></td>
              <td>{{ r.unitName }}</td>
              <td>{{ statusLabels[r.status] }}</td>
              <td class="num" data-test="row-total">{{ r.total ?? text.unscored }}</td>
              <td>@if (r.grade && r.total !== null) { <nz-tag [nzColor]="gradeColours[r.grade]" data-test="row-grade">{{ r.grade }}</nz-tag> }</td>
              <td>
                @for (f of r.flags; track f.code) { <nz-tag nzColor="warning" [nz-tooltip]="f.message" data-test="row-flag">{{ flagLabel(f.code) }}</nz-tag> }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
  styles: `.round { display: block; margin-bottom: 12px; }`,
})
export class SelfEvaluationsPage {
  private readonly api = inject(SelfEvaluationApi);
  private readonly session = inject(SessionService);
  protected readonly reference = inject(ReferenceDataService);
  protected readonly text = SELF_EVALUATION_TEXT;
  protected readonly base = PATHS.selfEvaluation;
  protected readonly statusLabels = EVALUATION_STATUS_LABELS;
  protected readonly gradeColours = GRADE_COLOURS;
  protected readonly statuses = SHEET_STATUSES;
  protected readonly grades = GRADES;
  protected readonly canManage = computed(() => this.session.can('selfEvaluation.manage'));
  protected readonly canSeeResults = computed(() => this.session.can('selfEvaluation.review'));
  protected readonly results = PATHS.selfEvaluationResults;
  /** 部门整体自评: the departments that file it and finance, who approves it. */
  protected readonly canSeeDepartments = computed(() => this.session.can('departmentTargets.edit') || this.session.can('departmentTargets.review'));
  protected readonly departments = PATHS.departmentSelfEvaluations;
  protected readonly fiscalYear = linkedSignal<number | null>(() => (this.reference.fiscalYears.value() ?? []).find((y) => y.status === 'open')?.year ?? null);
  protected readonly status = signal<SheetStatus | null>(null);
  protected readonly grade = signal<Grade | null>(null);
  protected readonly flagged = signal(false);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(50);
  protected readonly evaluations = resource({
    params: () => {
      const fiscalYear = this.fiscalYear();
      return fiscalYear ? { fiscalYear, status: this.status(), grade: this.grade(), flagged: this.flagged(), page: this.page(), pageSize: this.pageSize() } : undefined;
    },
    loader: ({ params }) => this.api.list(params),
  });

  setYear(year: number): void {
    this.fiscalYear.set(year);
    this.page.set(1);
  }

  protected flagLabel(code: string): string {
    return FLAG_LABELS[code] ?? SELF_EVALUATION_TEXT.flags;
  }
}
