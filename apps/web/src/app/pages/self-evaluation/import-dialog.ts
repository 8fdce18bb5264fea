import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, model, output, signal } from '@angular/core';
import { ApiErrorBody, SelfEvaluationDto, SelfEvaluationWorkbookImportResult } from '@pm/api-contract';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { messageOf } from '../../core/api-errors.interceptor';
import { YuanPipe } from '../../shared/money';
import { SelfEvaluationApi } from './self-evaluation.api';
import { SELF_EVALUATION_TEXT } from './self-evaluation.text';

interface RowChange {
  row: number;
  name: string;
  fields: { label: string; from: string; to: string }[];
}

/** The rows whose reported values differ between two readings of the same 自评表. */
export function changedRows(before: SelfEvaluationDto, after: SelfEvaluationDto): RowChange[] {
  const was = new Map(before.indicators.map((r) => [r.indicatorId, r]));
  const show = (v: string | boolean | null) => (v === null || v === '' ? '空' : v === true ? '适用' : v === false ? '不适用' : v);
  return after.indicators.flatMap((r, i) => {
    const old = was.get(r.indicatorId);
    if (!old) return [];
    const pairs: [string, string | boolean | null, string | boolean | null][] = [
      ['实际完成值', old.actual, r.actual],
      ['评判等级', old.tier, r.tier],
      ['得分', old.score, r.score],
      ['是否适用', old.applicable, r.applicable],
      ['偏差原因分析及改进措施', old.deviationNote, r.deviationNote],
    ];
    const fields = pairs.filter(([, a, b]) => a !== b).map(([label, a, b]) => ({ label, from: show(a), to: show(b) }));
    return fields.length ? [{ row: i + 1, name: r.name, fields }] : [];
  });
}

/** A 自评表 filled in Excel back in: pick the file, preview what it changes (dry run), confirm to save. */
@Component({
  selector: 'pm-import-dialog',
  imports: [YuanPipe, NzAlertModule, NzButtonModule, NzModalModule, NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="open()" [nzTitle]="text.importTitle" nzWidth="860px" (nzOnCancel)="close()" [nzFooter]="footer">
      <ng-container *nzModalContent>
        <p class="content">{{ text.importHint }}</p>
        <label class="pick">{{ text.importPick }}<input type="file" accept=".xlsx" (change)="pick($event)" data-test="import-file" /></label>
        @if (file(); as f) { <span class="content"> {{ f.name }}</span> }
        @if (refused(); as r) {
          <nz-alert nzType="error" nzShowIcon [nzMessage]="text.importRefused + '：' + r.message" [nzDescription]="errorsTpl" data-test="import-refused" class="gap" />
          <ng-template #errorsTpl>
            @for (e of r.errors; track $index) { <div>@if (e.row) { 第 {{ e.row }} 行：}{{ e.message }}</div> }
          </ng-template>
        }
        @if (preview(); as p) {
          <div class="gap" data-test="import-preview">
            <b>{{ text.importPreview }}</b>：{{ text.total }} {{ evaluation().total }} → <b>{{ p.evaluation.total }}</b>，{{ text.grade }} {{ evaluation().grade }} → <b>{{ p.evaluation.grade }}</b>；{{ text.executed }} {{ evaluation().budget.executed | yuan }} → {{ p.evaluation.budget.executed | yuan }}
          </div>
          <nz-table #t nzSize="small" nzBordered [nzData]="changes()" [nzShowPagination]="false" [nzFrontPagination]="false" [nzNoResult]="text.importNone" data-test="import-changes">
            <thead><tr><th nzWidth="60px">行</th><th nzWidth="180px">三级指标</th><th nzWidth="150px">栏目</th><th>{{ text.before }}</th><th>{{ text.after }}</th></tr></thead>
            <tbody>
              @for (c of t.data; track c.row) {
                @for (f of c.fields; track f.label; let first = $first) {
                  <tr>
                    @if (first) { <td [attr.rowspan]="c.fields.length">{{ c.row }}</td><td [attr.rowspan]="c.fields.length">{{ c.name }}</td> }
                    <td>{{ f.label }}</td><td class="content">{{ f.from }}</td><td>{{ f.to }}</td>
                  </tr>
                }
              }
            </tbody>
          </nz-table>
        }
      </ng-container>
      <ng-template #footer>
        <button nz-button (click)="close()">取消</button>
        <button nz-button (click)="run(true)" [disabled]="!file()" [nzLoading]="busy()" data-test="import-preview-run">预览</button>
        <button nz-button nzType="primary" (click)="run(false)" [disabled]="!preview() || preview()?.changed === 0" [nzLoading]="busy()" data-test="import-confirm">{{ text.importConfirm }}</button>
      </ng-template>
    </nz-modal>
  `,
  styles: `
    .content { color: #595959; font-size: 12px; }
    .gap { display: block; margin: 10px 0; }
    label.pick { color: #1677ff; cursor: pointer; }
    label.pick input { display: none; }
  `,
})
export class ImportDialog {
  private readonly api = inject(SelfEvaluationApi);
  private readonly message = inject(NzMessageService);
  readonly evaluation = input.required<SelfEvaluationDto>();
  readonly open = model(false);
  readonly imported = output<SelfEvaluationDto>();
  protected readonly text = SELF_EVALUATION_TEXT;
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<SelfEvaluationWorkbookImportResult | null>(null);
  protected readonly refused = signal<ApiErrorBody | null>(null);
  protected readonly busy = signal(false);
  protected readonly changes = computed(() => {
    const p = this.preview();
    return p ? changedRows(this.evaluation(), p.evaluation) : [];
  });

  protected pick(event: Event): void {
    const el = event.target as HTMLInputElement;
    this.file.set(el.files?.[0] ?? null);
    el.value = '';
    this.preview.set(null);
    this.refused.set(null);
    if (this.file()) void this.run(true);
  }

  protected async run(dryRun: boolean): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.busy.set(true);
    this.refused.set(null);
    try {
      const result = await this.api.importWorkbook(this.evaluation().id, file, dryRun);
      if (dryRun) this.preview.set(result);
      else {
        this.message.success(this.text.importDone);
        this.imported.emit(result.evaluation);
        this.close();
      }
    } catch (error) {
      const body = error instanceof HttpErrorResponse ? (error.error as Partial<ApiErrorBody> | null) : null;
      this.refused.set({ message: messageOf(error), errors: body?.errors ?? [] });
      this.preview.set(null);
    } finally {
      this.busy.set(false);
    }
  }

  protected close(): void {
    this.open.set(false);
    this.file.set(null);
    this.preview.set(null);
    this.refused.set(null);
  }
}
