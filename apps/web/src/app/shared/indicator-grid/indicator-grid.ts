import { ChangeDetectionStrategy, Component, computed, contentChildren, Directive, inject, input, model, TemplateRef } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { TargetIndicatorDto } from '@pm/api-contract';
import { COMPARATORS, Dictionary, KINDS, normaliseComparator, normaliseKind, PROJECT_DICTIONARY, SheetCheck } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { GridColumn, TARGET_COLUMNS } from './grid-columns';
import { cellsOf, emptyRow, grouped, insertInGroup, moveInGroup, splitValueCell, withSpans } from './grid-rows';
import { GRID_TEXT } from './indicator-grid.text';

/** A page's own cell for one column: `<ng-template pmGridCell="current" let-row let-index="index">`. */
@Directive({ selector: 'ng-template[pmGridCell]' })
export class GridCell {
  readonly key = input.required<string>({ alias: 'pmGridCell' });
  readonly template = inject<TemplateRef<{ $implicit: TargetIndicatorDto; index: number }>>(TemplateRef);
}

/**
 * The one indicator grid: 一级 / 二级 cells spanning their rows as in the official table (also while
 * editing), configurable columns, inline editing, a block pasted from Excel into any cell spread over
 * cells and rows, and each row's live checks and reviewer notes in its 三级 cell. The target-sheet and
 * department editors use it, and the monitoring and self-evaluation forms add their own columns.
 */
@Component({
  selector: 'pm-indicator-grid',
  imports: [NgTemplateOutlet, FormsModule, NzButtonModule, NzInputModule, NzSelectModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './indicator-grid.html',
  styleUrl: '../sheet.css',
})
export class IndicatorGrid {
  readonly rows = model.required<TargetIndicatorDto[]>();
  readonly editing = input(false);
  readonly columns = input<readonly GridColumn[]>(TARGET_COLUMNS);
  readonly dictionary = input<Dictionary>(PROJECT_DICTIONARY);
  readonly checks = input<readonly SheetCheck[]>([]);
  /** Reviewers' notes by indicator id, shown in the row's 三级 cell. */
  readonly notes = input<Readonly<Record<string, readonly string[]>>>({});
  readonly emptyText = input('还没有指标。');
  private readonly cells = contentChildren(GridCell);

  protected readonly text = GRID_TEXT;
  protected readonly comparators = COMPARATORS;
  protected readonly kinds = KINDS;
  protected readonly spanned = computed(() => withSpans(this.rows()));
  protected readonly categories = computed(() => Object.entries(this.dictionary()).map(([level1, level2s]) => ({ level1, options: level2s.map((level2) => ({ value: `${level1}/${level2}`, label: level2 })) })));
  private readonly templates = computed(() => new Map(this.cells().map((c) => [c.key(), c.template])));
  private readonly editable = computed(() => this.columns().filter((c) => c.editor).map((c) => c.key));

  protected templateOf(key: string): TemplateRef<{ $implicit: TargetIndicatorDto; index: number }> | null {
    return this.templates().get(key) ?? null;
  }

  protected cell(row: TargetIndicatorDto, key: string): string {
    const value = (row as unknown as Record<string, unknown>)[key];
    return value === null || value === undefined ? '' : String(value);
  }

  protected rowChecks(index: number): SheetCheck[] {
    return this.checks().filter((c) => c.row === index + 1);
  }

  protected severity(index: number): string {
    const checks = this.rowChecks(index);
    return checks.some((c) => c.severity === 'blocking') ? 'blocking' : checks.length ? 'warning' : '';
  }

  /** “第 3 行：…” (or “第 3 行“名称”：…”) without its row, shown inside the row itself. */
  protected withoutRow(message: string): string {
    return message.replace(/^第 \d+ 行(“[^”]*”)?：/, '');
  }

  protected notesOf(row: TargetIndicatorDto): readonly string[] {
    return row.id ? (this.notes()[row.id] ?? []) : [];
  }

  protected set(index: number, key: string, typed: string): void {
    this.rows.update((rows) => rows.map((r, i) => (i === index ? withCell(r, key, typed) : r)));
  }

  protected setCategory(index: number, category: string): void {
    const [level1, level2] = category.split('/');
    this.rows.update((rows) => grouped(rows.map((r, i) => (i === index ? { ...r, level1, level2 } : r))));
  }

  protected addInGroup(row: TargetIndicatorDto): void {
    this.rows.update((rows) => insertInGroup(rows, emptyRow(row.level1, row.level2)));
  }

  protected move(index: number, by: -1 | 1): void {
    this.rows.update((rows) => moveInGroup(rows, index, by));
  }

  protected remove(index: number): void {
    this.rows.update((rows) => rows.filter((_, i) => i !== index));
  }

  /** A block copied from Excel lands like in a spreadsheet: from this cell rightwards and downwards, adding rows as needed. */
  protected paste(event: ClipboardEvent, index: number, key: string): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    const columns = this.editable();
    const start = columns.indexOf(key);
    const rows = [...this.rows()];
    const group = rows[index];
    cellsOf(text).forEach((cells, i) => {
      const at = index + i;
      if (at >= rows.length) rows.push(emptyRow(group.level1, group.level2));
      cells.forEach((cell, j) => {
        const column = columns[start + j];
        if (column) rows[at] = withCell(rows[at], column, cell);
      });
    });
    this.rows.set(rows);
  }
}

/** A row with one cell set from what was typed or pasted: values split, comparators and kinds normalised. */
function withCell(row: TargetIndicatorDto, key: string, typed: string): TargetIndicatorDto {
  const text = typed.trim();
  switch (key) {
    case 'value':
      return splitValueCell(row, text);
    case 'comparator':
      return { ...row, comparator: text === '' ? null : (normaliseComparator(text) ?? row.comparator) };
    case 'kind':
      return { ...row, kind: normaliseKind(text) ?? row.kind };
    case 'weight':
      return { ...row, weight: text === '' ? null : text.replace(/[,，]/g, '') };
    case 'lastYearActual':
      return { ...row, lastYearActual: text === '' ? null : text.replace(/[,，]/g, '') };
    default:
      return { ...row, [key]: typed };
  }
}
