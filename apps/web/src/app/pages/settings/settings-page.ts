import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { FiscalYearDto, SettingsProfileDto } from '@pm/api-contract';
import { FISCAL_YEAR_STATUS_LABELS, Regime, REGIME_LABELS, SettingsProfile } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { PATHS } from '../../paths';
import { ReferenceDataService } from '../../shared/reference/reference-data.service';
import { runAction } from '../../shared/run-action';
import { copyOf, newProfile, thresholdAsPercent } from './profile-form';
import { ProfileEditor } from './profile-editor';
import { SettingsApi } from './settings.api';
import { REVERSE_RULE_LABELS, SETTINGS_TEXT } from './settings.text';
import { WhatIfPanel } from './what-if-panel';

/** 评分参数 (SPEC §8): finance's profiles, the profile each year uses, and what a profile would change. */
@Component({
  selector: 'pm-settings-page',
  imports: [FormsModule, RouterLink, NzButtonModule, NzCardModule, NzSelectModule, NzTableModule, NzTagModule, ProfileEditor, WhatIfPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './settings-page.css',
  template: `
    <nz-card nzSize="small" [nzTitle]="text.profiles" [nzExtra]="newTpl">
      <ng-template #newTpl><button nz-button nzType="primary" nzSize="small" (click)="edit(null, newProfile())" data-test="new-profile">{{ text.newProfile }}</button></ng-template>
      <nz-table #profileTable nzSize="small" nzBordered [nzData]="profiles.value() ?? []" [nzLoading]="profiles.isLoading()" [nzShowPagination]="false" [nzFrontPagination]="false" data-test="profiles-table">
        <thead>
          <tr><th>{{ text.name }}</th><th>{{ text.regime }}</th><th>{{ text.weights }}</th><th>{{ text.reverseRule }}</th><th>{{ text.overshoot }}</th><th>{{ text.gradeBands }}</th><th nzWidth="100px">{{ text.usedBy }}</th><th nzWidth="170px"></th></tr>
        </thead>
        <tbody>
          @for (p of profileTable.data; track p.id) {
            <tr data-test="profile-row" [class.editing]="editing()?.id === p.id">
              <td>{{ p.profile.name }} @if (p.isDefault) { <nz-tag nzColor="blue">{{ text.isDefault }}</nz-tag> }</td>
              <td class="nowrap" [title]="regimeLabels[p.profile.regime]">{{ shortRegime(p.profile.regime) }}</td>
              <td class="nowrap">指标 {{ p.profile.indicatorWeightTotal }} + 预算 {{ p.profile.budgetWeight }}</td>
              <td>{{ reverseLabels[p.profile.reverseRule] }}</td>
              <td class="num">{{ percent(p.profile.overshootThreshold) }}%</td>
              <td class="nowrap">优 ≥ {{ p.profile.gradeBands['优'] }} · 良 ≥ {{ p.profile.gradeBands['良'] }} · 中 ≥ {{ p.profile.gradeBands['中'] }}</td>
              <td data-test="profile-years">{{ usedBy()[p.id] || text.unused }}</td>
              <td class="nowrap">
                <button nz-button nzType="link" nzSize="small" (click)="edit(p.id, p.profile)" data-test="edit-profile">{{ text.edit }}</button>
                <button nz-button nzType="link" nzSize="small" (click)="edit(null, copy(p.profile))">{{ text.copy }}</button>
                <button nz-button nzType="link" nzSize="small" (click)="tryProfile(p.id)">{{ text.tryIt }}</button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>

    @if (editing(); as e) {
      <pm-profile-editor class="panel" [source]="e" (saved)="saved($event)" (closed)="editing.set(null)" />
    }

    <nz-card nzSize="small" class="panel" [nzTitle]="text.years">
      <div class="years">
        <nz-table #yearTable nzSize="small" nzBordered [nzData]="years()" [nzShowPagination]="false" [nzPageSize]="100" data-test="years-table">
          <thead><tr><th nzWidth="80px">{{ text.year }}</th><th nzWidth="70px">{{ text.yearStatus }}</th><th>{{ text.yearProfile }}</th><th nzWidth="90px"></th></tr></thead>
          <tbody>
            @for (y of yearTable.data; track y.year) {
              <tr data-test="year-row" [attr.data-year]="y.year">
                <td>{{ y.year }} 年度</td>
                <td><nz-tag [nzColor]="y.status === 'open' ? 'green' : 'default'">{{ statusLabels[y.status] }}</nz-tag></td>
                <td>
                  <nz-select nzSize="small" class="year-profile" [ngModel]="y.profileId" (ngModelChange)="choose(y, $event)" [nzDisabled]="busy()" [nzPlaceHolder]="text.defaultFallback" data-test="year-profile">
                    @for (p of profiles.value() ?? []; track p.id) { <nz-option [nzValue]="p.id" [nzLabel]="p.profile.name" /> }
                  </nz-select>
                </td>
                <td class="nowrap"><a [routerLink]="resultsPath" [queryParams]="{ fiscalYear: y.year }" data-test="year-results">{{ text.results }}</a></td>
              </tr>
            }
          </tbody>
        </nz-table>
        <p class="content">{{ text.yearHint }}</p>
      </div>
    </nz-card>

    <pm-what-if-panel class="panel" [profiles]="profiles.value() ?? []" [years]="years()" [(profileId)]="whatIfProfile" [(year)]="whatIfYear" />
  `,
})
export class SettingsPage {
  private readonly api = inject(SettingsApi);
  private readonly message = inject(NzMessageService);
  private readonly reference = inject(ReferenceDataService);
  protected readonly text = SETTINGS_TEXT;
  protected readonly regimeLabels = REGIME_LABELS;
  protected readonly reverseLabels = REVERSE_RULE_LABELS;
  protected readonly statusLabels = FISCAL_YEAR_STATUS_LABELS;
  protected readonly resultsPath = PATHS.selfEvaluationResults;
  protected readonly newProfile = newProfile;
  protected readonly percent = thresholdAsPercent;
  protected readonly profiles = resource({ loader: () => this.api.profiles() });
  protected readonly years = computed(() => [...(this.reference.fiscalYears.value() ?? [])].sort((a, b) => b.year - a.year));
  /** Each profile's years, `2026、2027`. */
  protected readonly usedBy = computed(() => {
    const years: Record<string, number[]> = {};
    // a year without a profile is scored with the default one
    const fallback = this.profiles.value()?.find((p) => p.isDefault)?.id;
    for (const y of this.years()) {
      const id = y.profileId ?? fallback;
      if (id) (years[id] ??= []).push(y.year);
    }
    return Object.fromEntries(Object.entries(years).map(([id, list]) => [id, list.sort((a, b) => a - b).join('、')]));
  });
  protected readonly editing = signal<{ id: string | null; profile: SettingsProfile } | null>(null);
  protected readonly whatIfProfile = linkedSignal<string | null>(() => this.profiles.value()?.find((p) => p.isDefault)?.id ?? null);
  protected readonly whatIfYear = linkedSignal<number | null>(() => this.years().find((y) => y.status === 'open')?.year ?? null);
  protected readonly busy = signal(false);

  protected shortRegime(regime: Regime): string {
    return REGIME_LABELS[regime].split('（')[0];
  }

  protected edit(id: string | null, profile: SettingsProfile): void {
    this.editing.set({ id, profile });
  }

  protected copy(profile: SettingsProfile): SettingsProfile {
    return copyOf(profile, this.text.copyOf(profile.name));
  }

  protected tryProfile(id: string): void {
    this.whatIfProfile.set(id);
  }

  protected saved(dto: SettingsProfileDto): void {
    this.profiles.reload();
    this.editing.set({ id: dto.id, profile: dto.profile });
    this.whatIfProfile.set(dto.id);
  }

  async choose(year: FiscalYearDto, profileId: string): Promise<void> {
    if (!profileId || profileId === year.profileId) return;
    const name = this.profiles.value()?.find((p) => p.id === profileId)?.profile.name ?? '';
    await runAction(this.busy, this.message, async () => {
      await this.api.chooseProfile(year.year, profileId);
      return this.text.chose(year.year, name);
    });
    this.reference.reloadFiscalYears();
  }
}
