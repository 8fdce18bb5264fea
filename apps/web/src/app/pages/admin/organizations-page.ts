import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { OrganizationDto } from '@pm/api-contract';
import { allowedParentKind, ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS, OrganizationKind } from '@pm/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { messageOf } from '../../core/api-errors.interceptor';
import { ReferenceDataService, treeOrder } from '../../shared/reference/reference-data.service';
import { AdminApi } from './admin.api';
import { ADMIN_TEXT } from './admin.text';
import { formErrorsOf, NO_ERRORS, statusOf, tipOf, withoutField } from './form-errors';

interface Draft {
  id: string | null;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  code: string | null;
}

const FIELDS = ['name', 'kind', 'parentId', 'code'] as const;

@Component({
  selector: 'pm-organizations-page',
  imports: [FormsModule, NzAlertModule, NzCardModule, NzTableModule, NzButtonModule, NzIconModule, NzModalModule, NzFormModule, NzInputModule, NzPopconfirmModule, NzSelectModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.problem { margin-bottom: 8px; } .actions button { padding: 0 8px 0 0; } nz-alert { margin-bottom: 12px; }`,
  template: `
    <nz-card [nzTitle]="text.title" nzSize="small" [nzExtra]="extra">
      @if (problem(); as p) { <nz-alert class="problem" nzType="error" nzShowIcon nzCloseable [nzMessage]="p" (nzOnClose)="problem.set(null)" data-test="organization-problem" /> }
      <nz-table #table nzSize="small" nzBordered [nzData]="rows()" [nzFrontPagination]="false" [nzLoading]="reference.organizations.isLoading()" data-test="organizations-table">
        <thead><tr><th>{{ text.columns.name }}</th><th nzWidth="120px">{{ text.columns.kind }}</th><th nzWidth="200px">{{ text.columns.code }}</th><th nzWidth="130px">{{ text.columns.actions }}</th></tr></thead>
        <tbody>
          @for (o of table.data; track o.id) {
            <tr [attr.data-organization]="o.name">
              <td [style.padding-left.px]="12 + o.depth * 24">{{ o.name }}</td>
              <td><nz-tag>{{ kindLabels[o.kind] }}</nz-tag></td>
              <td>{{ o.code ?? '—' }}</td>
              <td class="actions">
                <button nz-button nzType="link" nzSize="small" (click)="edit(o)" data-test="edit-organization">{{ text.edit }}</button>
                <button nz-button nzType="link" nzSize="small" nzDanger nz-popconfirm [nzPopconfirmTitle]="text.confirmDelete(o.name)" (nzOnConfirm)="remove(o)" data-test="delete-organization">{{ text.delete }}</button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
    <ng-template #extra><button nz-button nzType="primary" (click)="openCreate()" data-test="create-organization"><nz-icon nzType="plus" />{{ text.create }}</button></ng-template>

    <nz-modal [nzVisible]="editing() !== null" [nzTitle]="editing()?.id ? text.editTitle : text.createTitle" (nzOnCancel)="editing.set(null)" (nzOnOk)="save()" [nzOkLoading]="busy()" nzOkText="保存">
      <form *nzModalContent nz-form nzLayout="vertical" data-test="organization-form">
        @if (editing(); as e) {
          @if (errors().general; as general) { <nz-alert nzType="error" nzShowIcon [nzMessage]="general" /> }
          <nz-form-item><nz-form-label nzRequired nzFor="organization-name">{{ text.fields.name }}</nz-form-label>
            <nz-form-control [nzValidateStatus]="status('name')" [nzErrorTip]="tip('name')" data-test="organization-name">
              <input nz-input id="organization-name" name="name" [(ngModel)]="e.name" (ngModelChange)="clear('name')" maxlength="100" /></nz-form-control></nz-form-item>
          @if (!e.id) {
            <nz-form-item><nz-form-label nzRequired>{{ text.fields.kind }}</nz-form-label>
              <nz-form-control [nzValidateStatus]="status('kind')" [nzErrorTip]="tip('kind')"><nz-select name="kind" [ngModel]="e.kind" (ngModelChange)="chooseKind(e, $event)">
                @for (k of kinds; track k) { <nz-option [nzValue]="k" [nzLabel]="kindLabels[k]" /> }
              </nz-select></nz-form-control></nz-form-item>
          }
          <nz-form-item><nz-form-label>{{ text.fields.parent }}</nz-form-label>
            <nz-form-control [nzValidateStatus]="status('parentId')" [nzErrorTip]="tip('parentId')" [nzExtra]="e.id ? text.moveHint : ''" data-test="organization-parent">
              <nz-select name="parentId" [(ngModel)]="e.parentId" (ngModelChange)="clear('parentId')" nzAllowClear nzShowSearch [nzPlaceHolder]="text.noParent">
                @for (o of parentsFor(e); track o.id) { <nz-option [nzValue]="o.id" [nzLabel]="o.name" /> }
              </nz-select></nz-form-control></nz-form-item>
          <nz-form-item><nz-form-label nzFor="organization-code">{{ text.fields.code }}</nz-form-label>
            <nz-form-control [nzValidateStatus]="status('code')" [nzErrorTip]="tip('code')">
              <input nz-input id="organization-code" name="code" [(ngModel)]="e.code" (ngModelChange)="clear('code')" maxlength="40" /></nz-form-control></nz-form-item>
        }
      </form>
    </nz-modal>
  `,
})
export class OrganizationsPage {
  protected readonly reference = inject(ReferenceDataService);
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  protected readonly text = ADMIN_TEXT.organizations;
  protected readonly kinds = ORGANIZATION_KINDS;
  protected readonly kindLabels = ORGANIZATION_KIND_LABELS;
  protected readonly rows = computed(() => treeOrder(this.reference.organizations.value() ?? []));
  protected readonly editing = signal<Draft | null>(null);
  protected readonly errors = signal(NO_ERRORS);
  /** Why the last delete was refused (what the organisation still holds), until closed. */
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);

  openCreate(): void {
    this.errors.set(NO_ERRORS);
    this.editing.set({ id: null, name: '', kind: 'unit', parentId: null, code: null });
  }

  edit(o: OrganizationDto): void {
    this.errors.set(NO_ERRORS);
    this.editing.set({ id: o.id, name: o.name, kind: o.kind, parentId: o.parentId, code: o.code });
  }

  /** Only organisations of the kind the tree allows above this one (the server refuses cycles besides). */
  protected parentsFor(e: Draft): OrganizationDto[] {
    const kind = allowedParentKind(e.kind);
    return this.rows().filter((o) => o.kind === kind && o.id !== e.id);
  }

  protected chooseKind(e: Draft, kind: OrganizationKind): void {
    e.kind = kind;
    if (!this.parentsFor(e).some((o) => o.id === e.parentId)) e.parentId = null;
    this.clear('kind');
  }

  protected status(field: string): 'error' | '' {
    return statusOf(this.errors(), field);
  }

  protected tip(field: string): string {
    return tipOf(this.errors(), field);
  }

  protected clear(field: string): void {
    this.errors.set(withoutField(this.errors(), field));
  }

  async save(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    this.busy.set(true);
    try {
      if (e.id) await this.api.updateOrganization(e.id, { name: e.name, code: e.code || null, parentId: e.parentId });
      else await this.api.createOrganization({ name: e.name, kind: e.kind, parentId: e.parentId, code: e.code || null });
      this.message.success(this.text.saved);
      this.editing.set(null);
      this.reference.reloadOrganizations();
    } catch (error) {
      this.errors.set(formErrorsOf(error, messageOf(error), FIELDS));
    } finally {
      this.busy.set(false);
    }
  }

  async remove(o: OrganizationDto): Promise<void> {
    this.problem.set(null);
    this.busy.set(true);
    try {
      await this.api.deleteOrganization(o.id);
      this.message.success(this.text.deleted(o.name));
      this.reference.reloadOrganizations();
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
