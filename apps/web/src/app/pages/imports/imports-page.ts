import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal, TemplateRef, viewChild } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { DepartmentTargetImportResult, ImportAction, ImportLayoutDto, SaveImportLayoutRequest, TableGridResult, TargetTableImportResult } from '@pm/api-contract';
import { NamedLayout } from '@pm/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { messageOf } from '../../core/api-errors.interceptor';
import { SessionService } from '../../core/session.service';
import { PATHS } from '../../paths';
import { ReferenceDataService, treeOrder } from '../../shared/reference/reference-data.service';
import { YuanPipe } from '../../shared/money';
import { ImportProblems } from './import-problems';
import { ImportsApi } from './imports.api';
import { DEPARTMENT_ACTIONS, IMPORTS_TEXT } from './imports.text';
import { LayoutMapper } from './layout-mapper';
import { LAYOUTS_TEXT } from './layouts.text';

const ACTIONS: Record<ImportAction, { label: string; color: string }> = {
  created: { label: '新建', color: 'green' },
  updated: { label: '更新草稿', color: 'blue' },
  adjusted: { label: '生成调整稿', color: 'orange' },
  unchanged: { label: '无变化', color: 'default' },
};

/**
 * 导入绩效目标表: upload last year's spreadsheet (or paste it), see what the importer read, repaired and
 * refused, row by row, then confirm. Nothing is stored until the clerk confirms, and then all or nothing.
 */
@Component({
  selector: 'pm-imports-page',
  imports: [FormsModule, ImportProblems, LayoutMapper, NgTemplateOutlet, RouterLink, NzAlertModule, NzButtonModule, NzCardModule, NzCheckboxModule, NzInputModule, NzSelectModule, NzTableModule, NzTagModule, YuanPipe],
  providers: [NzModalService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .form { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; margin-bottom: 12px; }
    .notes { max-height: 320px; overflow: auto; font-size: 13px; }
    .note { padding: 2px 8px; border-left: 3px solid; margin-bottom: 2px; }
    .note.repair { border-color: #faad14; background: #fffbe6; }
    .note.error { border-color: #ff4d4f; background: #fff1f0; }
    .summary { margin: 8px 0; }
    .panel { margin-top: 12px; }
    .hint { color: #595959; font-size: 12px; }
    .unit-warning { margin: 8px 0; }
    .unit-warning .confirm { margin-top: 8px; font-weight: 600; }
  `,
  template: `
    <nz-card nzSize="small" nzTitle="导入绩效目标表">
      <div class="form">
        <nz-select [ngModel]="kind()" (ngModelChange)="kind.set($event); clear()" style="width: 230px" data-test="import-kind">
          <nz-option nzValue="targets" [nzLabel]="labels.kinds.targets" />
          @if (mayImportDepartment()) { <nz-option nzValue="department" [nzLabel]="labels.kinds.department" /> }
          <nz-option nzValue="results" [nzLabel]="labels.kinds.results" />
        </nz-select>
        @if (kind() !== 'results') {
        <nz-select [ngModel]="fiscalYear()" (ngModelChange)="fiscalYear.set($event); clear()" style="width: 130px" data-test="import-year">
          @for (y of openYears(); track y.year) { <nz-option [nzValue]="y.year" [nzLabel]="y.year + ' 年度'" /> }
        </nz-select>
        }
        @if (kind() === 'department') {
          @if (ownDepartment()) {
            <span>{{ labels.department.own }}<b>{{ session.me()?.organizationName }}</b></span>
          } @else {
            <nz-select [ngModel]="departmentId()" (ngModelChange)="departmentId.set($event); clear()" [nzPlaceHolder]="labels.department.pick" nzShowSearch style="width: 300px" data-test="import-department">
              @for (d of departments(); track d.id) { <nz-option [nzValue]="d.id" [nzLabel]="d.name" /> }
            </nz-select>
          }
        } @else if (isLead()) {
          <span>导入到：<b>{{ session.me()?.organizationName }}</b></span>
        } @else {
          <nz-select [ngModel]="unitId()" (ngModelChange)="unitId.set($event); clear()" nzPlaceHolder="导入到哪个预算单位" nzShowSearch style="width: 360px" data-test="import-unit">
            @if (kind() === 'targets') {
              @for (d of departments(); track d.id) { <nz-option [nzValue]="d.id" [nzLabel]="labels.targets.wholeDepartment(d.name)" /> }
            }
            @for (u of units(); track u.id) { <nz-option [nzValue]="u.id" [nzLabel]="u.name" /> }
          </nz-select>
        }
        <span>
          <button nz-button [nzType]="mode() === 'file' ? 'primary' : 'default'" (click)="mode.set('file'); clear()" data-test="mode-file">上传文件</button>
          <button nz-button [nzType]="mode() === 'paste' ? 'primary' : 'default'" (click)="mode.set('paste'); clear()" data-test="mode-paste">粘贴表格</button>
        </span>
      </div>
      @if (mode() === 'file') {
        <input type="file" accept=".xlsx,.tsv,.txt" (change)="pick($any($event.target).files)" data-test="import-file" />
        <div class="hint">.xlsx（可含多个工作表、多个表格），或制表符分隔的文本；最大 20 MB。表头按列名识别，各省模板均可。</div>
        @if (kind() === 'department') { <div class="hint" data-test="import-department-hint">{{ labels.department.hint }}</div> }
      } @else {
        <textarea nz-input rows="8" [(ngModel)]="text" (ngModelChange)="clear()" placeholder="从 Excel 复制整张表（含表头行）后粘贴到这里" data-test="import-text"></textarea>
      }
      <div class="form" style="margin-top: 12px">
        @if (kind() !== 'results') {
          <button nz-button nzType="primary" [nzLoading]="busy()" [disabled]="!ready()" (click)="run(true)" data-test="import-preview">预览</button>
          <button nz-button nzType="primary" nzDanger [nzLoading]="busy()" [disabled]="!canConfirm()" (click)="confirm()" data-test="import-confirm">确认导入</button>
          @if (kind() === 'targets') {
            <button nz-button [nzLoading]="busy()" [disabled]="!ready()" (click)="openMapping()" [title]="layoutText.openHint" data-test="import-map">{{ layoutText.open }}</button>
          }
        } @else {
          <button nz-button nzType="primary" [nzLoading]="busy()" [disabled]="!ready()" (click)="importResults()" data-test="import-results">导入自评结果</button>
          <span class="hint">自评表中的“实际完成值”将作为之后导入的绩效目标的“上年完成值”（按项目名称与指标名称对应）。</span>
        }
        @if (message()) { <span data-test="import-message">{{ message() }}</span> }
      </div>
    </nz-card>

    @if (mapping(); as grid) {
      <nz-card nzSize="small" class="panel" [nzTitle]="layoutText.title">
        <pm-layout-mapper [grid]="grid" [saved]="savedLayouts()" [mayShare]="mayShareLayouts()" [busy]="busy()" (tried)="tryLayout($event)" (saveLayout)="saveLayout($event)" (removed)="removeLayout($event)" />
      </nz-card>
    }

    @if (departmentResult(); as r) {
      <nz-card nzSize="small" class="panel" [nzTitle]="r.dryRun ? '预览（尚未保存）' : '已导入'" data-test="import-result">
        <div class="summary" data-test="import-summary">{{ labels.department.summary(r.departments[0]?.name ?? '', r.fiscalYear, r.repairs.length, r.errors.length) }}</div>
        @if (r.warnings.length) {
          <nz-alert nzType="warning" nzShowIcon [nzMessage]="labels.department.warningsTitle" [nzDescription]="warningsTpl" data-test="import-warnings" />
          <ng-template #warningsTpl>@for (w of r.warnings; track $index) { <div>{{ w.message }}</div> }</ng-template>
        }
        @if (!r.dryRun && r.departments[0]; as d) {
          <nz-alert nzType="success" nzShowIcon [nzMessage]="departmentDoneTpl" />
          <ng-template #departmentDoneTpl>{{ labels.department.done }}<a [routerLink]="[departmentTargetsPath, d.departmentId, r.fiscalYear]">{{ labels.department.open }}</a></ng-template>
        }
        <nz-table #departmentsTable nzSize="small" nzBordered [nzData]="r.departments" nzHideOnSinglePage [nzShowPagination]="false" data-test="import-departments">
          <thead><tr>
            <th>{{ labels.department.columns.department }}</th><th nzWidth="110px">{{ labels.department.columns.action }}</th><th nzWidth="80px">{{ labels.department.columns.duties }}</th>
            <th nzWidth="80px">{{ labels.department.columns.tasks }}</th><th nzWidth="80px">{{ labels.department.columns.indicators }}</th><th nzWidth="280px">{{ labels.department.columns.budget }}</th><th nzWidth="180px">{{ labels.department.columns.checks }}</th>
          </tr></thead>
          <tbody>
            @for (d of departmentsTable.data; track d.departmentId) {
              <tr data-test="import-department-plan">
                <td>{{ d.name }}</td>
                <td><nz-tag [nzColor]="departmentActions[d.action].color">{{ departmentActions[d.action].label }}</nz-tag></td>
                <td>{{ d.duties }}</td>
                <td>{{ d.tasks }}</td>
                <td>{{ d.indicators }}</td>
                <td>
                  <b>{{ d.budget.total | yuan }}</b>
                  <div class="hint">{{ labels.department.budget.basic }} {{ d.budget.basic | yuan }} · {{ labels.department.budget.project }} {{ d.budget.project | yuan }}</div>
                  <div class="hint">{{ labels.department.budget.appropriation }} {{ d.budget.appropriation | yuan }} · {{ labels.department.budget.carryOver }} {{ d.budget.carryOver | yuan }} · {{ labels.department.budget.other }} {{ d.budget.other | yuan }}</div>
                </td>
                <td>@if (d.blocking) { <span style="color: #cf1322">{{ labels.checks.blocking(d.blocking) }}</span> } @if (d.warnings) { <span style="color: #ad6800">{{ labels.checks.warnings(d.warnings) }}</span> } @if (!d.blocking && !d.warnings) { {{ labels.checks.passed }} }</td>
              </tr>
            }
          </tbody>
        </nz-table>
        <ng-container *ngTemplateOutlet="notesTpl; context: { $implicit: r }" />
      </nz-card>
    }

    <ng-template #confirmTpl>@for (line of confirmLines(); track $index) { <p data-test="import-confirm-line">{{ line }}</p> }</ng-template>

    <ng-template #notesTpl let-r>
      @if (r.errors.length) {
        <h4 class="panel">无法导入的行（请在表格中改正后重新上传）</h4>
        <div class="notes">
          @for (n of r.errors; track $index) { <div class="note error" data-test="import-error">{{ n.source }} 第 {{ n.row }} 行@if (n.column) {（{{ n.column }}）}：{{ n.message }}</div> }
        </div>
      }
      @if (r.repairs.length) {
        <h4 class="panel">已自动修正</h4>
        <div class="notes">
          @for (n of r.repairs; track $index) { <div class="note repair" data-test="import-repair">{{ n.source }} 第 {{ n.row }} 行@if (n.column) {（{{ n.column }}）}：{{ n.message }}</div> }
        </div>
      }
    </ng-template>

    @if (result(); as r) {
      <nz-card nzSize="small" class="panel" [nzTitle]="r.dryRun ? '预览（尚未保存）' : '已导入'" data-test="import-result">
        <div class="summary" data-test="import-summary">
          {{ r.unitName }} · {{ r.fiscalYear }} 年度 · 识别到 {{ r.tables }} 张目标表、{{ r.projects.length }} 个项目、{{ r.indicators }} 条指标 ·
          修正 {{ r.repairs.length }} 处 · 问题 {{ r.errors.length }} 处@if (r.doubts.length) { · 存疑 {{ r.doubts.length }} 处 }
          @if (r.layouts.length) { · <span data-test="import-layouts">{{ layoutText.applied(layoutNames(r)) }}</span> }
        </div>
        @if (namedUnits().length && r.dryRun) {
          <nz-alert class="unit-warning" nzType="error" nzShowIcon [nzMessage]="labels.preview.unitTitle" [nzDescription]="unitWarningTpl" data-test="import-unit-warning" />
          <ng-template #unitWarningTpl>
            @for (w of r.warnings; track $index) { <div>{{ w.message }}</div> }
            <div class="confirm"><span nz-checkbox [ngModel]="unitConfirmed()" (ngModelChange)="unitConfirmed.set($event)" data-test="import-unit-confirm">{{ labels.preview.unitConfirm(r.unitName) }}</span></div>
            @if (!unitConfirmed()) { <div class="hint">{{ labels.preview.unitHint }}</div> }
          </ng-template>
        } @else if (r.warnings.length) {
          <nz-alert nzType="warning" nzShowIcon [nzMessage]="labels.department.warningsTitle" [nzDescription]="targetWarningsTpl" data-test="import-warnings" />
          <ng-template #targetWarningsTpl>@for (w of r.warnings; track $index) { <div>{{ w.message }}</div> }</ng-template>
        }
        @if (r.units.length > 1 || r.units[0]?.unitId !== r.unitId) {
          <div class="summary" data-test="import-units">
            {{ labels.targets.units(r.units.length) }}
            @for (u of r.units; track u.unitId) { <nz-tag [nzColor]="u.action === 'created' ? 'orange' : 'blue'">{{ labels.targets.unit(u.unitName, u.code, u.projects, u.action === 'created' && r.dryRun) }}</nz-tag> }
          </div>
        }
        @if (!r.dryRun) {
          <nz-alert nzType="success" nzShowIcon [nzMessage]="doneTpl" />
          <ng-template #doneTpl>导入完成。<a [routerLink]="projectsPath">到项目列表查看</a></ng-template>
        }
        <nz-table #projects nzSize="small" nzBordered [nzData]="r.projects" [nzPageSize]="20" nzHideOnSinglePage data-test="import-projects">
          <thead><tr><th>项目</th>@if (r.units.length > 1) { <th nzWidth="200px">{{ labels.targets.unitColumn }}</th> }<th nzWidth="120px">处理</th><th nzWidth="150px">{{ labels.preview.budget }}</th><th nzWidth="130px">{{ labels.preview.category }}</th><th nzWidth="80px">指标数</th><th nzWidth="110px">上年完成值</th><th nzWidth="200px">检查</th></tr></thead>
          <tbody>
            @for (p of projects.data; track $index) {
              <tr data-test="import-project">
                <td>{{ p.name }}@if (p.code) { <span class="hint">（{{ p.code }}）</span> }</td>
                @if (r.units.length > 1) { <td>{{ p.unitName }}</td> }
                <td><nz-tag [nzColor]="actions[p.action].color">{{ actions[p.action].label }}</nz-tag></td>
                <td>{{ p.fundsTotal ? (p.fundsTotal | yuan) : '—' }}</td>
                <td>{{ p.category ?? '—' }}</td>
                <td>{{ p.indicators }}</td>
                <td>{{ p.lastYearFilled ? '取自自评 ' + p.lastYearFilled + ' 条' : '—' }}</td>
                <td>@if (p.blocking) { <span style="color: #cf1322">必须修改 {{ p.blocking }} 处</span> } @if (p.warnings) { <span style="color: #ad6800"> 提醒 {{ p.warnings }} 处</span> } @if (!p.blocking && !p.warnings) { 通过 }@if (doubtsOf(r, p.name); as n) { <span style="color: #722ed1" data-test="import-project-doubts">{{ labels.preview.doubtCount(n) }}</span> }</td>
              </tr>
            }
          </tbody>
        </nz-table>
        <pm-import-problems [result]="r" />
        <ng-container *ngTemplateOutlet="notesTpl; context: { $implicit: r }" />
      </nz-card>
    }
  `,
})
export class ImportsPage {
  private readonly api = inject(ImportsApi);
  private readonly notify = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly reference = inject(ReferenceDataService);
  protected readonly session = inject(SessionService);
  protected readonly actions = ACTIONS;
  protected readonly projectsPath = PATHS.projects;
  protected readonly departmentTargetsPath = PATHS.departmentTargets;
  protected readonly labels = IMPORTS_TEXT;
  protected readonly departmentActions = DEPARTMENT_ACTIONS;
  protected readonly layoutText = LAYOUTS_TEXT;

  protected readonly openYears = computed(() => (this.reference.fiscalYears.value() ?? []).filter((y) => y.status === 'open'));
  protected readonly fiscalYear = linkedSignal<number | null>(() => this.openYears()[0]?.year ?? null);
  protected readonly units = computed(() => treeOrder(this.reference.organizations.value() ?? []).filter((o) => o.kind === 'unit'));
  protected readonly unitId = signal<string | null>(null);
  protected readonly isLead = computed(() => this.session.me()?.role === 'project_lead');
  protected readonly kind = signal<'targets' | 'department' | 'results'>('targets');
  /** The department's reviewer imports its overall target (the one who edits it). */
  protected readonly mayImportDepartment = computed(() => this.session.me()?.permissions.includes('departmentTargets.edit') ?? false);
  protected readonly departments = computed(() => treeOrder(this.reference.organizations.value() ?? []).filter((o) => o.kind === 'department'));
  protected readonly ownDepartment = computed(() => this.departments().some((d) => d.id === this.session.me()?.organizationId));
  protected readonly departmentId = signal<string | null>(null);
  protected readonly departmentResult = signal<DepartmentTargetImportResult | null>(null);
  protected readonly mode = signal<'file' | 'paste'>('file');
  protected readonly file = signal<File | null>(null);
  protected text = '';
  protected readonly busy = signal(false);
  protected readonly result = signal<TargetTableImportResult | null>(null);
  protected readonly message = signal<string | null>(null);
  /** The table as read while the clerk maps its columns by hand, the mapping being tried, the saved layouts. */
  protected readonly mapping = signal<TableGridResult | null>(null);
  private readonly tried = signal<NamedLayout | null>(null);
  protected readonly savedLayouts = signal<ImportLayoutDto[]>([]);
  /** Finance shares a layout with every organisation. */
  protected readonly mayShareLayouts = computed(() => this.session.me()?.permissions.includes('importLayouts.share') ?? false);

  protected readonly ready = computed(
    () =>
      (this.kind() === 'results' || this.fiscalYear() !== null) &&
      (this.kind() === 'department' ? this.ownDepartment() || this.departmentId() !== null : this.isLead() || this.unitId() !== null) &&
      (this.mode() === 'paste' || this.file() !== null),
  );
  /** The units the tables name other than the one imported into: a real import needs the clerk's tick. */
  protected readonly namedUnits = computed(() => (this.result()?.warnings ?? []).filter((w) => w.code === 'unit-mismatch').map((w) => w.namedUnit ?? ''));
  protected readonly unitConfirmed = signal(false);
  protected readonly confirmLines = signal<string[]>([]);
  private readonly confirmTpl = viewChild.required<TemplateRef<unknown>>('confirmTpl');
  protected readonly canConfirm = computed(() => {
    const r = this.kind() === 'department' ? this.departmentResult() : this.result();
    const unitOk = this.kind() === 'department' || this.namedUnits().length === 0 || this.unitConfirmed();
    return this.ready() && r !== null && r.dryRun && r.errors.length === 0 && unitOk;
  });

  pick(files: FileList | null): void {
    this.file.set(files?.item(0) ?? null);
    this.clear();
  }

  clear(): void {
    this.result.set(null);
    this.unitConfirmed.set(false);
    this.departmentResult.set(null);
    this.message.set(null);
    this.mapping.set(null);
    this.tried.set(null);
  }

  protected doubtsOf(result: TargetTableImportResult, project: string): number {
    return result.doubts.filter((d) => d.project === project).length;
  }

  protected layoutNames(result: TargetTableImportResult): string[] {
    return result.layouts.map((l) => l.name);
  }

  async openMapping(): Promise<void> {
    this.busy.set(true);
    try {
      const [grid, layouts] = await Promise.all([this.api.tableGrid(this.upload()), this.api.layouts()]);
      this.mapping.set(grid);
      this.savedLayouts.set(layouts.items);
    } catch (error) {
      this.message.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** The preview read with the mapping as it stands (not saved yet). */
  async tryLayout(layout: NamedLayout): Promise<void> {
    this.tried.set(layout);
    await this.run(true);
  }

  /** Saved, the layout is used for every upload with that header: the preview is read again without sending it. */
  async saveLayout(body: SaveImportLayoutRequest): Promise<void> {
    this.busy.set(true);
    try {
      const organizationId = this.isLead() ? undefined : (this.unitId() ?? undefined);
      const owner = organizationId ?? this.session.me()?.organizationId;
      // saved again under its name, the organisation's layout is corrected (a new version), not refused as a duplicate
      const existing = this.savedLayouts().find((l) => l.name === body.name && l.organizationId === owner);
      const request = { ...body, ...(organizationId ? { organizationId } : {}) };
      const saved = existing ? await this.api.updateLayout(existing.id, { ...request, version: existing.version }) : await this.api.saveLayout(request);
      this.notify.success(LAYOUTS_TEXT.saved(saved.name));
      this.savedLayouts.update((list) => [saved, ...list.filter((l) => l.id !== saved.id)]);
      this.tried.set(null);
    } catch (error) {
      this.message.set(messageOf(error));
      return;
    } finally {
      this.busy.set(false);
    }
    await this.run(true);
  }

  async removeLayout(layout: ImportLayoutDto): Promise<void> {
    try {
      await this.api.deleteLayout(layout.id);
      this.savedLayouts.update((list) => list.filter((l) => l.id !== layout.id));
      this.notify.success(LAYOUTS_TEXT.removed(layout.name));
    } catch (error) {
      this.message.set(messageOf(error));
    }
  }

  private upload() {
    return { organizationId: this.isLead() ? null : this.unitId(), file: this.mode() === 'file' ? this.file() : null, text: this.text };
  }

  async importResults(): Promise<void> {
    this.busy.set(true);
    this.message.set(null);
    try {
      const r = await this.api.selfEvaluations({ organizationId: this.isLead() ? null : this.unitId(), file: this.mode() === 'file' ? this.file() : null, text: this.text });
      this.message.set(`已导入 ${r.fiscalYear} 年度自评：${r.tables} 张表、${r.projects} 个项目、${r.results} 条实际完成值（其中 ${r.phrases} 条为文字）`);
    } catch (error) {
      this.message.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** One dialog says what the import will do, all at once: the projects, the unit confirmed, what is left to fix, the doubts. */
  confirm(): void {
    if (this.kind() === 'department') return void this.run(false);
    const r = this.result();
    if (!r) return;
    const count = (action: ImportAction) => r.projects.filter((p) => p.action === action).length;
    this.confirmLines.set(IMPORTS_TEXT.preview.confirmLines({
      unit: r.unitName,
      projects: r.projects.length,
      indicators: r.indicators,
      created: count('created'),
      updated: count('updated'),
      adjusted: count('adjusted'),
      blocking: r.projects.reduce((n, p) => n + p.blocking, 0),
      doubts: r.doubts.length,
      namedUnits: this.namedUnits(),
    }));
    this.modal.confirm({
      nzTitle: IMPORTS_TEXT.preview.confirmTitle,
      nzContent: this.confirmTpl(),
      nzOkText: IMPORTS_TEXT.preview.confirmOk,
      nzCancelText: IMPORTS_TEXT.preview.cancel,
      nzClassName: 'import-confirm-dialog',
      nzOnOk: () => this.run(false),
    });
  }

  async run(dryRun: boolean): Promise<void> {
    if (this.kind() === 'department') return this.runDepartment(dryRun);
    const fiscalYear = this.fiscalYear();
    if (fiscalYear === null) return;
    this.busy.set(true);
    this.message.set(null);
    try {
      const result = await this.api.targetTables({ fiscalYear, dryRun, ...this.upload(), layout: this.tried() ?? undefined });
      this.result.set(result);
      if (!dryRun) this.notify.success(`已导入 ${result.projects.length} 个项目、${result.indicators} 条指标`);
    } catch (error) {
      const preview = error instanceof HttpErrorResponse ? (error.error?.preview as TargetTableImportResult | undefined) : undefined;
      this.result.set(preview ?? null);
      this.message.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** The same preview → confirm flow for a 部门（单位）整体绩效目标表, into the department's draft overall target. */
  private async runDepartment(dryRun: boolean): Promise<void> {
    const fiscalYear = this.fiscalYear();
    if (fiscalYear === null) return;
    this.busy.set(true);
    this.message.set(null);
    try {
      const organizationId = this.ownDepartment() ? null : this.departmentId();
      const result = await this.api.departmentTargets({ fiscalYear, organizationId, dryRun, file: this.mode() === 'file' ? this.file() : null, text: this.text });
      this.departmentResult.set(result);
      if (!dryRun) this.notify.success(IMPORTS_TEXT.department.imported(result.departments[0]?.indicators ?? 0));
    } catch (error) {
      const preview = error instanceof HttpErrorResponse ? (error.error?.preview as DepartmentTargetImportResult | undefined) : undefined;
      this.departmentResult.set(preview ?? null);
      this.message.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
