import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TargetTableImportResult } from '@pm/api-contract';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { FIELD_LABELS } from '../targets/targets.text';
import { IMPORTS_TEXT } from './imports.text';

/**
 * Every problem the preview counts, listed where it is (project, row, field): the checks of each
 * imported sheet (必须修改 / 提醒) and the blocks of rows that may sit under the wrong project (存疑).
 */
@Component({
  selector: 'pm-import-problems',
  imports: [NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .list { max-height: 360px; overflow: auto; font-size: 13px; }
    .item { padding: 2px 8px; border-left: 3px solid; margin-bottom: 2px; }
    .item.blocking { border-color: #ff4d4f; background: #fff1f0; }
    .item.warning { border-color: #faad14; background: #fffbe6; }
    .item.doubt { border-color: #722ed1; background: #f9f0ff; }
    .project { font-weight: 600; margin: 6px 0 2px; }
    h4 { margin-top: 12px; }
  `,
  template: `
    @if (total().blocking + total().warnings) {
      <h4 data-test="import-checks-title">{{ text.problems(total().blocking, total().warnings) }}</h4>
      <div class="list" data-test="import-checks">
        @for (p of withChecks(); track $index) {
          <div class="project">{{ p.name }}</div>
          @for (c of p.checks; track $index) {
            <div class="item" [class.blocking]="c.severity === 'blocking'" [class.warning]="c.severity === 'warning'" data-test="import-check">
              <nz-tag [nzColor]="c.severity === 'blocking' ? 'red' : 'gold'">{{ c.severity === 'blocking' ? text.blocking : text.warning }}</nz-tag>
              @if (c.field) { <span>{{ fieldLabels[c.field] ?? c.field }} · </span> } @else if (c.row === null) { <span>{{ text.sheetWide }} · </span> }
              {{ c.message }}
            </div>
          }
        }
      </div>
    }
    @if (result().doubts.length) {
      <h4 data-test="import-doubts-title">{{ text.doubtsTitle(result().doubts.length) }}</h4>
      <div class="list">
        @for (d of result().doubts; track $index) {
          <div class="item doubt" data-test="import-doubt">{{ d.source }}：{{ d.message }}</div>
        }
      </div>
    }
  `,
})
export class ImportProblems {
  readonly result = input.required<TargetTableImportResult>();
  protected readonly text = IMPORTS_TEXT.preview;
  protected readonly fieldLabels = FIELD_LABELS;
  protected readonly withChecks = computed(() => this.result().projects.filter((p) => p.checks.length > 0));
  protected readonly total = computed(() => this.result().projects.reduce((t, p) => ({ blocking: t.blocking + p.blocking, warnings: t.warnings + p.warnings }), { blocking: 0, warnings: 0 }));
}
