import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, resource } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { messageOf } from '../../core/api-errors.interceptor';
import { toWanYuan } from '@pm/domain';
import { YuanPipe } from '../../shared/money';
import { PATHS } from '../../paths';
import { ProjectsApi } from './projects.api';
import { PROJECT_TEXT } from './projects.text';

@Component({
  selector: 'pm-project-page',
  imports: [RouterLink, NzButtonModule, NzCardModule, NzDescriptionsModule, NzBreadCrumbModule, NzSpinModule, YuanPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `nz-breadcrumb { margin-bottom: 12px; } .goal { white-space: pre-wrap; } .num { font-variant-numeric: tabular-nums; }`,
  template: `
    <nz-breadcrumb>
      <nz-breadcrumb-item><a [routerLink]="projectsPath">{{ text.title }}</a></nz-breadcrumb-item>
      <nz-breadcrumb-item>{{ project.value()?.name ?? '…' }}</nz-breadcrumb-item>
    </nz-breadcrumb>
    <nz-spin [nzSpinning]="project.isLoading()">
      @if (project.value(); as p) {
        <nz-card nzSize="small" [nzTitle]="p.name" [nzExtra]="sheetLink" data-test="project-detail">
          <ng-template #sheetLink><a nz-button nzType="primary" [routerLink]="['target-sheet']" data-test="open-sheet">项目支出绩效目标表</a></ng-template>
          <nz-descriptions nzBordered nzSize="small" [nzColumn]="3">
            <nz-descriptions-item nzTitle="预算年度">{{ p.fiscalYear }}</nz-descriptions-item>
            <nz-descriptions-item nzTitle="项目编码">{{ p.code ?? '—' }}</nz-descriptions-item>
            <nz-descriptions-item nzTitle="预算单位">{{ p.unitName }}</nz-descriptions-item>
            <nz-descriptions-item nzTitle="项目分类">{{ p.category ?? '—' }}</nz-descriptions-item>
            <nz-descriptions-item nzTitle="项目级次">{{ p.level }}</nz-descriptions-item>
            <nz-descriptions-item nzTitle="项目负责人">{{ p.leadName ?? '—' }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="text.funds.total + '（元）'"><span class="num">{{ p.funds.total | yuan }}</span>（{{ wan(p.funds.total) }} 万元）</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="text.funds.currentYearAppropriation"><span class="num">{{ p.funds.currentYearAppropriation | yuan }}</span></nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="text.funds.carryOver"><span class="num">{{ p.funds.carryOver | yuan }}</span></nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="text.funds.other"><span class="num">{{ p.funds.other | yuan }}</span></nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'中期规划 ' + p.fiscalYear"><span class="num">{{ p.midTerm.year1 | yuan }}</span></nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'中期规划 ' + (p.fiscalYear + 1) + '–' + (p.fiscalYear + 2)"><span class="num">{{ p.midTerm.year2 | yuan }} / {{ p.midTerm.year3 | yuan }}</span></nz-descriptions-item>
            <nz-descriptions-item nzTitle="项目年度绩效目标" [nzSpan]="3"><div class="goal">{{ p.overallGoal || '（未填写）' }}</div></nz-descriptions-item>
          </nz-descriptions>
        </nz-card>
      }
    </nz-spin>
  `,
})
export class ProjectPage {
  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  readonly id = input.required<string>();
  protected readonly text = PROJECT_TEXT;
  protected readonly projectsPath = PATHS.projects;
  protected readonly project = resource({ params: () => this.id(), loader: ({ params }) => this.api.get(params) });

  constructor() {
    effect(() => {
      const error = this.project.error();
      if (!error) return;
      // resource() wraps a non-Error rejection (HttpErrorResponse) and keeps it as the cause
      const http = error instanceof HttpErrorResponse ? error : (error as { cause?: unknown }).cause;
      if (http instanceof HttpErrorResponse && http.status === 404) void this.router.navigate([PATHS.notFound], { skipLocationChange: true });
      else this.message.error(messageOf(http ?? error));
    });
  }

  protected wan(yuan: string): string {
    return toWanYuan(yuan);
  }
}
