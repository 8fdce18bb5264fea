import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { SelfEvaluationSummaryDto } from '@pm/api-contract';
import { DEFAULT_PROFILE, Grade, GRADES, SHEET_STATUS_LABELS } from '@pm/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { SessionService } from '../../../core/session.service';
import { PATHS } from '../../../paths';
import { ReferenceDataService } from '../../../shared/reference/reference-data.service';
import { countsOf, departmentGrades, filterOfDepartmentClick, ListFilter, rateScatter, scoreHistogram } from './results-charts';
import { ResultsApi } from './results.api';
import { GRADE_COLOURS, RESULTS_TEXT, UNFILED_COLOUR } from './results.text';

/** 自评结果汇总: a year's grades per department, the score distribution, execution against score, and the evaluations behind them. */
@Component({
  selector: 'pm-self-evaluation-results-page',
  imports: [FormsModule, RouterLink, NgxEchartsDirective, NzButtonModule, NzCardModule, NzCheckboxModule, NzRadioModule, NzSelectModule, NzTableModule, NzTagModule],
  providers: [provideEchartsCore({ echarts: () => import('./results-echarts').then((m) => m.default) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './results-page.html',
  styleUrl: './results-page.css',
})
export class SelfEvaluationResultsPage {
  private readonly api = inject(ResultsApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  protected readonly reference = inject(ReferenceDataService);
  /** `?fiscalYear=2026`, as the 评分参数 page links here. */
  readonly fiscalYear = input<string>();

  protected readonly text = RESULTS_TEXT;
  protected readonly grades = GRADES;
  protected readonly gradeColours = GRADE_COLOURS;
  protected readonly unfiledColour = UNFILED_COLOUR;
  protected readonly statusLabels = SHEET_STATUS_LABELS;
  protected readonly evaluationPath = PATHS.selfEvaluation;
  protected readonly settingsPath = PATHS.settings;
  protected readonly canManageSettings = computed(() => this.session.can('settings.manage'));
  protected readonly year = linkedSignal<number | null>(() => {
    const asked = Number(this.fiscalYear());
    const years = this.reference.fiscalYears.value() ?? [];
    if (years.some((y) => y.year === asked)) return asked;
    return years.filter((y) => y.status === 'open').sort((a, b) => b.year - a.year)[0]?.year ?? null;
  });
  protected readonly summary = resource({ params: () => this.year() ?? undefined, loader: ({ params }) => this.api.summary(params) });
  protected readonly round = resource({ params: () => this.year() ?? undefined, loader: async ({ params }) => (await this.api.rounds(params)).items[0] ?? null });
  private readonly profiles = resource({ loader: () => this.api.profiles() });
  /** The year's grade bands, drawn as lines on the scatter. */
  protected readonly bands = computed(() => {
    const chosen = (this.reference.fiscalYears.value() ?? []).find((y) => y.year === this.year())?.profileId;
    const profiles = this.profiles.value() ?? [];
    return (profiles.find((p) => p.id === chosen) ?? profiles.find((p) => p.isDefault))?.profile.gradeBands ?? DEFAULT_PROFILE.gradeBands;
  });
  protected readonly counts = computed(() => {
    const s = this.summary.value();
    return s ? countsOf(s) : null;
  });
  protected readonly unplotted = computed(() => (this.summary.value()?.points ?? []).filter((p) => p.rate === null).length);
  protected readonly departmentChart = computed(() => this.chart(departmentGrades));
  protected readonly histogram = computed(() => this.chart(scoreHistogram));
  protected readonly scatter = computed(() => this.chart((s) => rateScatter(s.points, this.bands())));
  protected readonly departmentsHeight = computed(() => Math.max(220, (this.summary.value()?.byDepartment.length ?? 0) * 32 + 70));

  /** The list's filter: a department (from the chart), a grade or 未填报 (chart or buttons), flagged only. */
  protected readonly filter = signal<ListFilter>({ departmentId: null, grade: null, unfiled: false });
  /** The grade buttons' value: a grade, 'unfiled', or null for all. */
  protected readonly segment = computed<Grade | 'unfiled' | null>(() => (this.filter().unfiled ? 'unfiled' : this.filter().grade));
  protected readonly departmentName = computed(() => {
    const id = this.filter().departmentId;
    return id ? (this.summary.value()?.byDepartment.find((d) => d.departmentId === id)?.departmentName ?? null) : null;
  });
  protected readonly flagged = signal(false);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(20);
  protected readonly list = resource({
    params: () => {
      const year = this.year();
      return year ? { fiscalYear: year, ...this.filter(), flagged: this.flagged(), page: this.page(), pageSize: this.pageSize() } : undefined;
    },
    loader: ({ params }) => this.api.evaluations(params),
  });

  private chart(build: (s: SelfEvaluationSummaryDto) => EChartsCoreOption): EChartsCoreOption {
    const s = this.summary.value();
    return s ? build(s) : {};
  }

  protected setYear(year: number): void {
    this.year.set(year);
    this.filter.set({ departmentId: null, grade: null, unfiled: false });
    this.page.set(1);
  }

  protected setSegment(segment: Grade | 'unfiled' | null): void {
    this.setFilter({ ...this.filter(), grade: segment === 'unfiled' ? null : segment, unfiled: segment === 'unfiled' });
  }

  protected clearDepartment(): void {
    this.setFilter({ ...this.filter(), departmentId: null });
  }

  private setFilter(filter: ListFilter): void {
    this.filter.set(filter);
    this.page.set(1);
  }

  protected setFlagged(flagged: boolean): void {
    this.flagged.set(flagged);
    this.page.set(1);
  }

  /** A point opens its evaluation. */
  protected pointClicked(event: { seriesType?: string; data?: unknown }): void {
    const id = event.seriesType === 'scatter' ? (event.data as { id?: string } | undefined)?.id : undefined;
    if (id) void this.router.navigate([PATHS.selfEvaluation, id]);
  }

  /** A department's segment filters the list by that department and its grade (or 未填报); its name by the department alone. */
  protected departmentClicked(event: { componentType?: string; seriesName?: string; dataIndex?: number; value?: unknown }): void {
    const summary = this.summary.value();
    const filter = summary ? filterOfDepartmentClick(summary, event) : null;
    if (filter) this.setFilter(filter);
  }
}
