import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AuditFilter } from '@pm/api-contract';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditTime } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { AuditApi } from './audit.api';
import { AUDIT_TEXT } from './audit.text';

/** A picked day as the API reads it (the day the clerk clicked, not its UTC instant). */
const dayOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** 变更记录: who changed what and when, in words, filtered and exported; reviewers (their scope) and admins. */
@Component({
  selector: 'pm-audit-page',
  imports: [FormsModule, NzButtonModule, NzCardModule, NzDatePickerModule, NzIconModule, NzInputModule, NzSelectModule, NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .filters { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 12px; align-items: center; }
    .filters .actor { width: 140px; }
    .filters .object { width: 260px; }
    .filters nz-select { width: 180px; }
    .spacer { flex: 1; }
    .at { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .kind { color: #8c8c8c; font-size: 12px; display: block; }
    .value { white-space: pre-wrap; overflow-wrap: anywhere; word-break: keep-all; }
  `,
  template: `
    <nz-card [nzTitle]="text.title" nzSize="small">
      <div class="filters">
        <nz-range-picker [ngModel]="dates()" (ngModelChange)="setDates($event)" [nzPlaceHolder]="text.dates" data-test="filter-dates" />
        <input nz-input class="actor" [placeholder]="text.actor" [ngModel]="actor()" (ngModelChange)="set(actor, $event)" data-test="filter-actor" />
        <input nz-input class="object" [placeholder]="text.object" [ngModel]="object()" (ngModelChange)="set(object, $event)" data-test="filter-object" />
        <nz-select [ngModel]="action()" (ngModelChange)="set(action, $event ?? '')" [nzPlaceHolder]="text.action" nzAllowClear nzShowSearch data-test="filter-action">
          @for (a of actions; track a) {
            <nz-option [nzValue]="a" [nzLabel]="actionLabels[a]" />
          }
        </nz-select>
        <button nz-button nzType="link" (click)="reset()" data-test="filter-reset">{{ text.reset }}</button>
        <span class="spacer"></span>
        <a nz-button [href]="exportUrl()" download [title]="text.exportHint" data-test="audit-export">{{ text.export }}</a>
      </div>
      <nz-table
        #table
        nzSize="small"
        nzBordered
        [nzData]="log.value()?.items ?? []"
        [nzTotal]="log.value()?.total ?? 0"
        [nzFrontPagination]="false"
        [nzPageIndex]="page()"
        [nzPageSize]="pageSize"
        [nzLoading]="log.isLoading()"
        [nzShowTotal]="totalTpl"
        [nzNoResult]="text.empty"
        (nzPageIndexChange)="page.set($event)"
        data-test="audit-table"
      >
        <thead>
          <tr>
            <th nzWidth="160px">{{ text.columns.at }}</th>
            <th nzWidth="120px">{{ text.columns.actor }}</th>
            <th nzWidth="300px">{{ text.columns.object }}</th>
            <th nzWidth="110px">{{ text.columns.action }}</th>
            <th nzWidth="220px">{{ text.columns.field }}</th>
            <th>{{ text.columns.old }}</th>
            <th>{{ text.columns.new }}</th>
          </tr>
        </thead>
        <tbody>
          @for (e of table.data; track $index) {
            <tr data-test="audit-row">
              <td class="at">{{ time(e.at) }}</td>
              <td>{{ e.actor ?? text.none }}</td>
              <td data-test="audit-object">
                {{ e.objectName ?? text.none }}
                <span class="kind">{{ e.entityLabel }}@if (e.organizationName && e.organizationName !== e.objectName) { · {{ e.organizationName }}}</span>
              </td>
              <td data-test="audit-action">{{ e.actionLabel }}</td>
              <td>{{ e.fieldLabel ?? text.none }}</td>
              <td class="value">{{ e.oldText }}</td>
              <td class="value">{{ e.newText }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #totalTpl let-total>{{ text.totalOf(total) }}</ng-template>
    </nz-card>
  `,
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  protected readonly text = AUDIT_TEXT;
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly actionLabels = AUDIT_ACTION_LABELS;
  protected readonly time = auditTime;
  protected readonly pageSize = 50;

  protected readonly dates = signal<Date[]>([]);
  protected readonly actor = signal('');
  protected readonly object = signal('');
  protected readonly action = signal('');
  protected readonly page = signal(1);

  /** Equal filters are one filter: the picker's first empty value, or a space typed, loads nothing again. */
  private readonly filter = computed<AuditFilter>(
    () => {
      const [from, to] = this.dates();
      return { from: from ? dayOf(from) : '', to: to ? dayOf(to) : '', actor: this.actor().trim(), object: this.object().trim(), action: this.action() };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  protected readonly log = resource({
    params: () => ({ filter: this.filter(), page: this.page() }),
    loader: ({ params }) => this.api.list(params.filter, params.page, this.pageSize),
  });

  protected readonly exportUrl = computed(() => this.api.exportUrl(this.filter()));

  protected setDates(dates: Date[] | null): void {
    this.dates.set(dates ?? []);
    this.page.set(1);
  }

  protected set(filter: typeof this.actor, value: string): void {
    filter.set(value);
    this.page.set(1);
  }

  protected reset(): void {
    for (const f of [this.actor, this.object, this.action]) f.set('');
    this.setDates([]);
  }
}
