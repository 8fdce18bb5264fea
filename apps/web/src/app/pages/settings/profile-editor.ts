import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ApiErrorBody, SettingsProfileDto } from '@pm/api-contract';
import { PROJECT_DICTIONARY, ProfileProblem, profileProblems, QUALITATIVE_TIER_NAMES, REGIME_LABELS, REGIMES, SettingsProfile, WARNING_METHOD_LABELS, WarningRules } from '@pm/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { messageOf } from '../../core/api-errors.interceptor';
import { FieldProblems } from './field-problems';
import { SettingsApi } from './settings.api';
import { copyOf, floorsOf, fromServer, percentAsThreshold, problemsByField, reverseExample, thresholdAsPercent, withField } from './profile-form';
import { SETTINGS_TEXT } from './settings.text';

const MONTHS = Array.from({ length: 12 }, (_, n) => String(n + 1));

/** Every parameter of a profile (SPEC §8), checked by the domain's `profileProblems` as the clerk types. */
@Component({
  selector: 'pm-profile-editor',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzCheckboxModule, NzInputModule, NzRadioModule, NzSelectModule, NzTagModule, FieldProblems],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-editor.html',
  styleUrl: './profile-editor.css',
})
export class ProfileEditor {
  private readonly api = inject(SettingsApi);
  private readonly message = inject(NzMessageService);
  /** The profile to edit and its id (null: a new profile). */
  readonly source = input.required<{ id: string | null; profile: SettingsProfile }>();
  readonly saved = output<SettingsProfileDto>();
  readonly closed = output<void>();

  protected readonly text = SETTINGS_TEXT;
  protected readonly regimes = REGIMES;
  protected readonly regimeLabels = REGIME_LABELS;
  protected readonly level1s = Object.keys(PROJECT_DICTIONARY);
  protected readonly tiers = QUALITATIVE_TIER_NAMES;
  protected readonly methods = Object.keys(WARNING_METHOD_LABELS) as WarningRules['method'][];
  protected readonly methodLabels = WARNING_METHOD_LABELS;
  /** v below `red` is 红, below `yellow` 黄, below `blue` 绿, else 蓝. */
  protected readonly ratioLines = [
    { key: 'red', label: SETTINGS_TEXT.red, cls: 'red' },
    { key: 'yellow', label: SETTINGS_TEXT.yellow, cls: 'yellow' },
    { key: 'blue', label: SETTINGS_TEXT.green, cls: 'green' },
  ] as const;
  protected readonly lagLines = [
    { key: 'yellow', label: SETTINGS_TEXT.yellow, cls: 'yellow' },
    { key: 'red', label: SETTINGS_TEXT.red, cls: 'red' },
  ] as const;

  protected readonly draft = linkedSignal(() => copyOf(this.source().profile));
  protected readonly overshootPercent = linkedSignal(() => thresholdAsPercent(this.source().profile.overshootThreshold));
  /** The server's field errors of the last save, until the next change. */
  protected readonly server = linkedSignal<{ id: string | null; profile: SettingsProfile }, ProfileProblem[]>({ source: this.source, computation: () => [] });
  protected readonly problems = computed(() => [...profileProblems(this.draft()), ...this.server()]);
  protected readonly errors = computed(() => problemsByField(this.problems()));
  protected readonly summary = computed(() => [...new Set(Object.values(this.errors()).flat())]);
  protected readonly floors = computed(() => floorsOf(this.draft().warningRules.floors ?? {}));
  protected readonly freeMonths = computed(() => MONTHS.filter((m) => !(m in (this.draft().warningRules.floors ?? {}))));
  protected readonly example = computed(() => reverseExample(this.draft().reverseRule));
  protected readonly busy = signal(false);
  protected newReason = '';

  protected set(path: string, value: unknown): void {
    this.draft.update((p) => withField(p, path, value));
    this.server.set([]);
  }

  protected setOvershoot(percent: string): void {
    this.overshootPercent.set(percent);
    this.set('overshootThreshold', percentAsThreshold(percent));
  }

  protected splitOf(level1: string): string {
    return this.draft().suggestedSplit[level1] ?? '';
  }

  protected setSplit(level1: string, weight: string): void {
    this.set(`suggestedSplit.${level1}`, weight.trim() === '' ? undefined : weight);
  }

  protected required(level1: string): boolean {
    return this.draft().requiredLevel1.includes(level1);
  }

  protected setRequired(level1: string, on: boolean): void {
    const others = this.draft().requiredLevel1.filter((l) => l !== level1);
    this.set('requiredLevel1', on ? this.level1s.filter((l) => l === level1 || others.includes(l)) : others);
  }

  protected addFloor(month: string | null): void {
    if (month) this.set(`warningRules.floors.${month}`, '');
  }

  protected addReason(): void {
    const reason = this.newReason.trim();
    if (!reason) return;
    this.set('deviationCategories', [...this.draft().deviationCategories, reason]);
    this.newReason = '';
  }

  protected removeReason(n: number, event: MouseEvent): void {
    // the list is redrawn from the profile; the tag must not remove itself
    event.preventDefault();
    this.set('deviationCategories', this.draft().deviationCategories.filter((_, i) => i !== n));
  }

  async save(asNew: boolean): Promise<void> {
    const id = this.source().id;
    const profile = this.draft();
    this.busy.set(true);
    try {
      const dto = asNew || !id ? await this.api.create(profile) : await this.api.update(id, profile);
      this.message.success(this.text.saved(dto.profile.name));
      this.saved.emit(dto);
    } catch (error) {
      const message = messageOf(error);
      const body = error instanceof HttpErrorResponse ? (error.error as Partial<ApiErrorBody> | null) : null;
      // a duplicate name (409) is the name field's problem
      const fallback = error instanceof HttpErrorResponse && error.status === 409 ? { field: 'name', message } : { field: '', message };
      this.server.set(fromServer(body?.errors, fallback));
      this.message.error(message);
    } finally {
      this.busy.set(false);
    }
  }
}
