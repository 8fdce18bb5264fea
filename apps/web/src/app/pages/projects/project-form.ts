import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FieldError } from '@pm/api-contract';
import { PROJECT_CATEGORIES, PROJECT_LEVELS, ProjectLevel } from '@pm/domain';
import { HttpErrorResponse } from '@angular/common/http';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { messageOf } from '../../core/api-errors.interceptor';
import { SessionService } from '../../core/session.service';
import { addYuan, groupThousands, normaliseYuan } from '../../shared/money';
import { ReferenceDataService } from '../../shared/reference/reference-data.service';
import { ProjectsApi } from './projects.api';
import { PROJECT_TEXT } from './projects.text';

/** The create-project dialog of a project lead: their own unit, an open year. */
@Component({
  selector: 'pm-project-form',
  imports: [FormsModule, NzModalModule, NzFormModule, NzInputModule, NzSelectModule, NzAlertModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `nz-alert { margin-bottom: 12px; } .money input { text-align: right; }`,
  template: `
    <nz-modal [nzVisible]="true" [nzTitle]="text.create" nzWidth="720px" [nzOkLoading]="busy()" nzOkText="保存" (nzOnOk)="save()" (nzOnCancel)="closed.emit()">
      <form *nzModalContent nz-form nzLayout="horizontal" data-test="project-form">
        @if (error()) {
          <nz-alert nzType="error" [nzMessage]="error()!" nzShowIcon data-test="form-error" />
        }
        <nz-form-item>
          <nz-form-label [nzSpan]="5" nzRequired>预算年度</nz-form-label>
          <nz-form-control [nzSpan]="7">
            <nz-select name="fiscalYear" [(ngModel)]="model.fiscalYear">
              @for (y of openYears(); track y.year) {
                <nz-option [nzValue]="y.year" [nzLabel]="y.year + ' 年度'" />
              }
            </nz-select>
          </nz-form-control>
          <nz-form-label [nzSpan]="4">项目编码</nz-form-label>
          <nz-form-control [nzSpan]="8"><input nz-input name="code" [(ngModel)]="model.code" maxlength="40" /></nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label [nzSpan]="5" nzRequired>项目名称</nz-form-label>
          <nz-form-control [nzSpan]="19" [nzValidateStatus]="fieldError('name') ? 'error' : ''" [nzErrorTip]="fieldError('name') ?? ''">
            <input nz-input name="name" [(ngModel)]="model.name" maxlength="200" data-test="project-name" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label [nzSpan]="5">项目分类</nz-form-label>
          <nz-form-control [nzSpan]="7">
            <nz-select name="category" [(ngModel)]="model.category" nzAllowClear>
              @for (c of categories; track c) { <nz-option [nzValue]="c" [nzLabel]="c" /> }
            </nz-select>
          </nz-form-control>
          <nz-form-label [nzSpan]="4">项目级次</nz-form-label>
          <nz-form-control [nzSpan]="8">
            <nz-select name="level" [(ngModel)]="model.level">
              @for (l of levels; track l) { <nz-option [nzValue]="l" [nzLabel]="l" /> }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label [nzSpan]="5">项目负责人</nz-form-label>
          <nz-form-control [nzSpan]="7"><input nz-input name="leadName" [(ngModel)]="model.leadName" maxlength="60" /></nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label [nzSpan]="5">年度绩效目标</nz-form-label>
          <nz-form-control [nzSpan]="19"><textarea nz-input name="overallGoal" rows="3" [(ngModel)]="model.overallGoal"></textarea></nz-form-control>
        </nz-form-item>
        <nz-form-item class="money">
          <nz-form-label [nzSpan]="5" nzRequired>{{ text.funds.currentYearAppropriation }}</nz-form-label>
          <nz-form-control [nzSpan]="7"><input nz-input name="cya" [(ngModel)]="model.currentYearAppropriation" data-test="funds-cya" /></nz-form-control>
          <nz-form-label [nzSpan]="4">{{ text.funds.carryOver }}</nz-form-label>
          <nz-form-control [nzSpan]="8"><input nz-input name="carry" [(ngModel)]="model.carryOver" /></nz-form-control>
        </nz-form-item>
        <nz-form-item class="money">
          <nz-form-label [nzSpan]="5">{{ text.funds.other }}</nz-form-label>
          <nz-form-control [nzSpan]="7"><input nz-input name="other" [(ngModel)]="model.other" /></nz-form-control>
          <nz-form-label [nzSpan]="4">{{ text.funds.total }}</nz-form-label>
          <nz-form-control [nzSpan]="8"><input nz-input name="total" [value]="shownTotal()" disabled /></nz-form-control>
        </nz-form-item>
      </form>
    </nz-modal>
  `,
})
export class ProjectFormComponent implements OnInit {
  private readonly api = inject(ProjectsApi);
  private readonly session = inject(SessionService);
  private readonly reference = inject(ReferenceDataService);
  private readonly message = inject(NzMessageService);
  readonly fiscalYear = input<number | null>(null);
  readonly closed = output<void>();
  readonly created = output<void>();
  protected readonly text = PROJECT_TEXT;
  protected readonly categories = PROJECT_CATEGORIES;
  protected readonly levels = PROJECT_LEVELS;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errors = signal<FieldError[]>([]);
  protected readonly openYears = computed(() => (this.reference.fiscalYears.value() ?? []).filter((y) => y.status === 'open'));

  protected model = {
    fiscalYear: null as number | null,
    code: '',
    name: '',
    category: null as string | null,
    level: '本级' as ProjectLevel,
    leadName: '',
    overallGoal: '',
    currentYearAppropriation: '0.00',
    carryOver: '0.00',
    other: '0.00',
  };

  ngOnInit(): void {
    this.model.fiscalYear = this.fiscalYear() ?? this.openYears()[0]?.year ?? null;
  }

  /** 年度预算总额 is the sum of its sources, added in cents (integers), never floats. */
  protected total(): string {
    return addYuan(this.model.currentYearAppropriation, this.model.carryOver, this.model.other) ?? '—';
  }

  protected shownTotal(): string {
    return groupThousands(this.total());
  }

  protected fieldError(field: string): string | null {
    return this.errors().find((e) => e.field === field)?.message ?? null;
  }

  async save(): Promise<void> {
    const total = this.total();
    if (total === '—') {
      this.error.set('金额须为不小于 0 的数字，最多两位小数');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.create({
        fiscalYear: this.model.fiscalYear as number,
        unitId: this.session.me()?.organizationId as string,
        code: this.model.code.trim() || null,
        name: this.model.name,
        category: this.model.category,
        level: this.model.level,
        leadName: this.model.leadName.trim() || null,
        overallGoal: this.model.overallGoal,
        funds: {
          total,
          currentYearAppropriation: normaliseYuan(this.model.currentYearAppropriation) as string,
          carryOver: normaliseYuan(this.model.carryOver) as string,
          other: normaliseYuan(this.model.other) as string,
        },
      });
      this.message.success(PROJECT_TEXT.created);
      this.created.emit();
    } catch (error) {
      this.error.set(messageOf(error));
      this.errors.set(error instanceof HttpErrorResponse ? (error.error?.errors ?? []) : []);
    } finally {
      this.busy.set(false);
    }
  }
}

