import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CreateLibraryEntryRequest, LibraryEntryDto } from '@pm/api-contract';
import { COMPARATORS, KINDS, PROJECT_DICTIONARY } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { messageOf } from '../../core/api-errors.interceptor';
import { SessionService } from '../../core/session.service';
import { runAction } from '../../shared/run-action';
import { LibraryApi } from './library.api';

const blank = (): CreateLibraryEntryRequest => ({ level1: '产出指标', level2: '数量指标', name: '', comparator: '≥', unit: '', kind: '定量', content: '' });

/** 指标库: finance curates the 共性 indicators, a department its own 个性 ones; everyone searches. */
@Component({
  selector: 'pm-library-page',
  imports: [FormsModule, NzButtonModule, NzCardModule, NzInputModule, NzModalModule, NzPopconfirmModule, NzSelectModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .filters { display: flex; gap: 8px; margin-bottom: 10px; }
    .content { color: #595959; font-size: 12px; }
    .form { display: grid; grid-template-columns: 90px 1fr; gap: 8px 10px; align-items: center; }
    .error { color: #cf1322; margin-top: 8px; }
  `,
  template: `
    <nz-card nzSize="small" nzTitle="指标库" [nzExtra]="addTpl">
      <ng-template #addTpl>
        <button nz-button nzType="primary" (click)="open()" data-test="library-add">{{ isFinance() ? '新增共性指标' : '新增本部门个性指标' }}</button>
      </ng-template>
      <div class="filters">
        <input nz-input placeholder="按名称或指标内容搜索，如“满意度”" [ngModel]="q()" (ngModelChange)="q.set($event)" style="width: 320px" data-test="library-search" />
        <nz-select [ngModel]="level1()" (ngModelChange)="level1.set($event)" nzPlaceHolder="全部一级指标" nzAllowClear style="width: 180px" data-test="library-level1">
          @for (l of level1Names; track l) { <nz-option [nzValue]="l" [nzLabel]="l" /> }
        </nz-select>
        <span class="content" style="align-self: center">共 {{ entries.value()?.length ?? 0 }} 条（最多显示 200 条）</span>
      </div>
      <nz-table #table nzSize="small" nzBordered [nzData]="entries.value() ?? []" [nzLoading]="entries.isLoading()" [nzPageSize]="50" nzNoResult="没有找到" data-test="library-table">
        <thead><tr><th nzWidth="70px">来源</th><th nzWidth="110px">一级指标</th><th nzWidth="130px">二级指标</th><th>三级指标</th><th nzWidth="70px">性质</th><th nzWidth="80px">单位</th><th nzWidth="70px">属性</th><th>指标内容</th><th nzWidth="70px"></th></tr></thead>
        <tbody>
          @for (e of table.data; track e.id) {
            <tr data-test="library-row">
              <td><nz-tag [nzColor]="e.scope === '共性' ? 'blue' : 'purple'">{{ e.scope }}</nz-tag></td>
              <td>{{ e.level1 }}</td><td>{{ e.level2 }}</td><td>{{ e.name }}</td><td>{{ e.comparator }}</td><td>{{ e.unit }}</td><td>{{ e.kind }}</td>
              <td class="content">{{ e.content }}</td>
              <td>
                @if (mine(e)) {
                  <button nz-button nzType="link" nzDanger nzSize="small" nz-popconfirm [nzPopconfirmTitle]="'从指标库删除“' + e.name + '”？已用到该指标的目标表不受影响。'" (nzOnConfirm)="remove(e)" data-test="library-remove">删除</button>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>

    <nz-modal [nzVisible]="adding()" [nzTitle]="isFinance() ? '新增共性指标' : '新增本部门个性指标'" (nzOnCancel)="adding.set(false)" (nzOnOk)="create()" [nzOkLoading]="busy()" nzOkText="保存">
      <ng-container *nzModalContent>
        <div class="form" data-test="library-form">
          <label for="library-level1">一级指标</label>
          <nz-select nzId="library-level1" [(ngModel)]="draft.level1" (ngModelChange)="draft.level2 = firstLevel2($event)">
            @for (l of level1Names; track l) { <nz-option [nzValue]="l" [nzLabel]="l" /> }
          </nz-select>
          <label for="library-level2">二级指标</label>
          <nz-select nzId="library-level2" [(ngModel)]="draft.level2">
            @for (l of level2Options(draft.level1); track l) { <nz-option [nzValue]="l" [nzLabel]="l" /> }
          </nz-select>
          <label for="library-name">三级指标</label><input id="library-name" nz-input [(ngModel)]="draft.name" data-test="library-name" />
          <label for="library-comparator">指标性质</label>
          <nz-select nzId="library-comparator" [(ngModel)]="draft.comparator" nzAllowClear>
            @for (c of comparators; track c) { <nz-option [nzValue]="c" [nzLabel]="c" /> }
          </nz-select>
          <label for="library-unit">度量单位</label><input id="library-unit" nz-input [(ngModel)]="draft.unit" data-test="library-unit" />
          <label for="library-kind">指标属性</label>
          <nz-select nzId="library-kind" [(ngModel)]="draft.kind">
            @for (k of kinds; track k) { <nz-option [nzValue]="k" [nzLabel]="k" /> }
          </nz-select>
          <label for="library-content">指标内容</label><textarea id="library-content" nz-input rows="3" [(ngModel)]="draft.content" data-test="library-content"></textarea>
        </div>
        @if (error()) { <div class="error" data-test="library-error">{{ error() }}</div> }
      </ng-container>
    </nz-modal>
  `,
})
export class LibraryPage {
  private readonly api = inject(LibraryApi);
  private readonly message = inject(NzMessageService);
  private readonly session = inject(SessionService);

  protected readonly level1Names = Object.keys(PROJECT_DICTIONARY);
  protected readonly comparators = COMPARATORS;
  protected readonly kinds = KINDS;
  protected readonly q = signal('');
  protected readonly level1 = signal<string | null>(null);
  protected readonly entries = resource({
    params: () => ({ q: this.q().trim(), level1: this.level1() ?? undefined }),
    loader: ({ params }) => this.api.search(params),
  });
  protected readonly isFinance = computed(() => this.session.me()?.role === 'finance_reviewer');
  protected readonly adding = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected draft = blank();

  level2Options(level1: string): readonly string[] {
    return PROJECT_DICTIONARY[level1] ?? [];
  }

  firstLevel2(level1: string): string {
    return this.level2Options(level1).at(0) ?? '';
  }

  /** Finance removes 共性 entries, a department its own 个性 ones. */
  mine(entry: LibraryEntryDto): boolean {
    const me = this.session.me();
    return this.isFinance() ? entry.organizationId === null : entry.organizationId !== null && entry.organizationId === me?.organizationId;
  }

  open(): void {
    this.draft = blank();
    this.error.set(null);
    this.adding.set(true);
  }

  async create(): Promise<void> {
    this.busy.set(true);
    try {
      const saved = await this.api.create(this.draft);
      this.adding.set(false);
      this.message.success(`已加入指标库：${saved.name}`);
      this.entries.reload();
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  async remove(entry: LibraryEntryDto): Promise<void> {
    await runAction(this.busy, this.message, async () => {
      await this.api.remove(entry.id);
      this.entries.reload();
      return `已删除：${entry.name}`;
    });
  }
}
