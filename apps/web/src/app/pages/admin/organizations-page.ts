import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS, OrganizationKind } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { runAction } from '../../shared/run-action';
import { ReferenceDataService, treeOrder } from '../../shared/reference/reference-data.service';
import { AdminApi } from './admin.api';

@Component({
  selector: 'pm-organizations-page',
  imports: [FormsModule, NzCardModule, NzTableModule, NzButtonModule, NzIconModule, NzModalModule, NzFormModule, NzInputModule, NzSelectModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzTitle="单位管理" nzSize="small" [nzExtra]="extra">
      <nz-table #table nzSize="small" nzBordered [nzData]="rows()" [nzFrontPagination]="false" [nzLoading]="reference.organizations.isLoading()" data-test="organizations-table">
        <thead><tr><th>单位名称</th><th nzWidth="120px">类型</th><th nzWidth="200px">单位编码</th><th nzWidth="100px">操作</th></tr></thead>
        <tbody>
          @for (o of table.data; track o.id) {
            <tr>
              <td [style.padding-left.px]="12 + o.depth * 24">{{ o.name }}</td>
              <td><nz-tag>{{ kindLabels[o.kind] }}</nz-tag></td>
              <td>{{ o.code ?? '—' }}</td>
              <td><button nz-button nzType="link" nzSize="small" (click)="rename(o.id, o.name, o.code)">修改</button></td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
    <ng-template #extra><button nz-button nzType="primary" (click)="openCreate()" data-test="create-organization"><nz-icon nzType="plus" />新增单位</button></ng-template>

    <nz-modal [nzVisible]="editing() !== null" [nzTitle]="editing()?.id ? '修改单位' : '新增单位'" (nzOnCancel)="editing.set(null)" (nzOnOk)="save()" [nzOkLoading]="busy()">
      <form *nzModalContent nz-form nzLayout="vertical">
        @if (editing(); as e) {
          <nz-form-item><nz-form-label nzRequired>单位名称</nz-form-label>
            <nz-form-control><input nz-input name="name" [(ngModel)]="e.name" maxlength="100" /></nz-form-control></nz-form-item>
          @if (!e.id) {
            <nz-form-item><nz-form-label nzRequired>类型</nz-form-label>
              <nz-form-control><nz-select name="kind" [(ngModel)]="e.kind">
                @for (k of kinds; track k) { <nz-option [nzValue]="k" [nzLabel]="kindLabels[k]" /> }
              </nz-select></nz-form-control></nz-form-item>
            <nz-form-item><nz-form-label>上级单位</nz-form-label>
              <nz-form-control><nz-select name="parentId" [(ngModel)]="e.parentId" nzAllowClear>
                @for (o of rows(); track o.id) { <nz-option [nzValue]="o.id" [nzLabel]="o.name" /> }
              </nz-select></nz-form-control></nz-form-item>
          }
          <nz-form-item><nz-form-label>单位编码</nz-form-label>
            <nz-form-control><input nz-input name="code" [(ngModel)]="e.code" maxlength="40" /></nz-form-control></nz-form-item>
        }
      </form>
    </nz-modal>
  `,
})
export class OrganizationsPage {
  protected readonly reference = inject(ReferenceDataService);
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  protected readonly kinds = ORGANIZATION_KINDS;
  protected readonly kindLabels = ORGANIZATION_KIND_LABELS;
  protected readonly rows = computed(() => treeOrder(this.reference.organizations.value() ?? []));
  protected readonly editing = signal<{ id: string | null; name: string; kind: OrganizationKind; parentId: string | null; code: string | null } | null>(null);
  protected readonly busy = signal(false);

  openCreate(): void {
    this.editing.set({ id: null, name: '', kind: 'unit', parentId: null, code: null });
  }

  rename(id: string, name: string, code: string | null): void {
    this.editing.set({ id, name, kind: 'unit', parentId: null, code });
  }

  async save(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    const saved = await runAction(this.busy, this.message, async () => {
      if (e.id) await this.api.updateOrganization(e.id, { name: e.name, code: e.code || null });
      else await this.api.createOrganization({ name: e.name, kind: e.kind, parentId: e.parentId, code: e.code || null });
      return '已保存';
    });
    if (!saved) return;
    this.editing.set(null);
    this.reference.reloadOrganizations();
  }
}
