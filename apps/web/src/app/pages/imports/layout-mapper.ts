import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ImportLayoutDto, SaveImportLayoutRequest, TableGridResult } from '@pm/api-contract';
import { NamedLayout, TargetColumn } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LAYOUTS_TEXT } from './layouts.text';

/**
 * The table as read, for mapping its columns by hand (SPEC §7): the header rows (click a row
 * number), what each column is (a select above it), rows skipped under the header; the mapping is
 * tried in the preview and saved as a named layout for the organisation.
 */
@Component({
  selector: 'pm-layout-mapper',
  imports: [FormsModule, NzButtonModule, NzCheckboxModule, NzInputModule, NzInputNumberModule, NzSelectModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .form { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
    .hint { color: #595959; font-size: 12px; }
    .wrap { overflow: auto; max-height: 480px; border: 1px solid #f0f0f0; }
    table { border-collapse: collapse; font-size: 12px; }
    th, td { border: 1px solid #f0f0f0; padding: 2px 6px; vertical-align: top; min-width: 90px; max-width: 220px; }
    th { position: sticky; top: 0; background: #fafafa; z-index: 1; }
    td.number, th.number { min-width: 44px; text-align: right; color: #8c8c8c; }
    .row-number { border: 0; background: none; padding: 0; color: #1677ff; cursor: pointer; }
    tr.header td { background: #e6f4ff; font-weight: 600; }
    tr.skipped td, tr.above td { color: #bfbfbf; }
  `,
  template: `
    <div data-test="layout-mapper">
      <div class="hint">{{ text.intro }}</div>
      @if (table(); as t) {
        <div class="form">
          @if (grid().tables.length > 1) {
            <span>{{ text.table }}</span>
            <nz-select [ngModel]="tableIndex()" (ngModelChange)="tableIndex.set($event)" style="width: 200px" data-test="map-table">
              @for (g of grid().tables; track $index) { <nz-option [nzValue]="$index" [nzLabel]="g.source" /> }
            </nz-select>
          }
          <b data-test="map-start">{{ text.start(t.rowNumbers[start()] ?? start() + 1) }}</b>
          <span>{{ text.headerRows }}</span>
          <nz-select [ngModel]="headerRows()" (ngModelChange)="headerRows.set($event)" style="width: 70px" data-test="map-header-rows">
            @for (n of [1, 2, 3]; track n) { <nz-option [nzValue]="n" [nzLabel]="'' + n" /> }
          </nz-select>
          <span>{{ text.skipRows }}</span>
          <nz-input-number [ngModel]="skipRows()" (ngModelChange)="skipRows.set($event ?? 0)" [nzMin]="0" [nzMax]="20" style="width: 70px" data-test="map-skip-rows" />
          <span>{{ text.rows }}</span>
          <span class="hint" data-test="map-found">{{ t.header ? text.found(t.header.layout) : text.notFound }}</span>
        </div>
        <div class="wrap">
          <table data-test="map-grid">
            <thead>
              <tr>
                <th class="number"></th>
                @for (c of columnIndexes(); track c) {
                  <th>
                    <nz-select nzSize="small" nzAllowClear [nzPlaceHolder]="text.ignore" [ngModel]="columns()[c]" (ngModelChange)="assign(c, $event)" style="width: 110px" [attr.data-test]="'map-column-' + c">
                      @for (choice of grid().choices; track choice.column) { <nz-option [nzValue]="choice.column" [nzLabel]="choice.label" /> }
                    </nz-select>
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of t.rows; track $index; let r = $index) {
                <tr [class.header]="r >= start() && r < start() + headerRows()" [class.skipped]="r >= start() + headerRows() && r < start() + headerRows() + skipRows()" [class.above]="r < start()">
                  <td class="number"><button type="button" class="row-number" (click)="start.set(r)" [attr.data-test]="'map-row-' + r">{{ t.rowNumbers[r] }}</button></td>
                  @for (c of columnIndexes(); track c) { <td>{{ row[c] ?? '' }}</td> }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <div class="form">
          <button nz-button [nzLoading]="busy()" (click)="tried.emit(layout())" data-test="map-preview">{{ text.preview }}</button>
          <input nz-input [ngModel]="name()" (ngModelChange)="name.set($event)" [placeholder]="text.name" maxlength="60" style="width: 300px" data-test="map-name" />
          @if (mayShare()) { <span nz-checkbox [ngModel]="shared()" (ngModelChange)="shared.set($event)" data-test="map-shared">{{ text.shared }}</span> }
          <button nz-button nzType="primary" [nzLoading]="busy()" [disabled]="!name().trim()" (click)="save()" data-test="map-save">{{ text.save }}</button>
        </div>
      } @else {
        <div class="hint">{{ text.empty }}</div>
      }
      @if (saved().length) {
        <div class="form" data-test="map-saved">
          <span class="hint">{{ text.savedList }}：</span>
          @for (l of saved(); track l.id) {
            <nz-tag [nzColor]="l.shared ? 'purple' : 'blue'" nzMode="closeable" (nzOnClose)="$event.preventDefault(); removed.emit(l)">{{ l.name }}@if (l.shared) { （{{ text.sharedTag }}） } · {{ l.organizationName }}</nz-tag>
          }
        </div>
      }
    </div>
  `,
})
export class LayoutMapper {
  readonly grid = input.required<TableGridResult>();
  readonly saved = input<ImportLayoutDto[]>([]);
  readonly mayShare = input(false);
  readonly busy = input(false);
  readonly tried = output<NamedLayout>();
  readonly saveLayout = output<SaveImportLayoutRequest>();
  readonly removed = output<ImportLayoutDto>();
  protected readonly text = LAYOUTS_TEXT;

  protected readonly tableIndex = linkedSignal(() => Math.max(0, this.grid().tables.findIndex((t) => t.header !== null)));
  protected readonly table = computed(() => this.grid().tables[this.tableIndex()] ?? null);
  protected readonly start = linkedSignal(() => this.table()?.header?.start ?? 0);
  protected readonly headerRows = linkedSignal(() => this.table()?.header?.rows ?? 1);
  protected readonly skipRows = linkedSignal(() => this.table()?.header?.skipRows ?? 0);
  protected readonly width = computed(() => Math.max(0, ...(this.table()?.rows ?? []).map((r) => r.length)));
  protected readonly columnIndexes = computed(() => Array.from({ length: this.width() }, (_, i) => i));
  protected readonly columns = linkedSignal<(TargetColumn | null)[]>(() => {
    const placed = this.table()?.header?.columns ?? [];
    return Array.from({ length: this.width() }, (_, i) => placed[i] ?? null);
  });
  protected readonly name = linkedSignal(() => this.table()?.header?.layout ?? '');
  protected readonly shared = signal(false);

  /** A column meaning one thing: choosing it for this column takes it from any other. */
  protected assign(index: number, column: TargetColumn | null): void {
    this.columns.update((columns) => columns.map((c, i) => (i === index ? (column ?? null) : c === column ? null : c)));
  }

  protected layout(): NamedLayout {
    const rows = this.table()?.rows ?? [];
    const header = rows.slice(this.start(), this.start() + this.headerRows()).map((row) => Array.from({ length: this.width() }, (_, i) => row[i] ?? ''));
    const columns = [...this.columns()];
    while (columns.length && columns.at(-1) === null) columns.pop();
    return { name: this.name().trim() || LAYOUTS_TEXT.title, header, columns, skipRows: this.skipRows() };
  }

  protected save(): void {
    const { name, header, columns, skipRows } = this.layout();
    this.saveLayout.emit({ name, header, columns, skipRows, shared: this.shared() });
  }
}
