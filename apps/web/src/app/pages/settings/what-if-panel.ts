import { ChangeDetectionStrategy, Component, computed, inject, input, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FiscalYearDto, RescoreResponse, SettingsProfileDto, WhatIfResponse } from '@pm/api-contract';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { messageOf } from '../../core/api-errors.interceptor';
import { SettingsApi } from './settings.api';
import { SETTINGS_TEXT } from './settings.text';
import { changeRows, gradeBars } from './what-if';

/** What a profile would move in a year (nothing is changed), then the explicit rescore of the year's drafts. */
@Component({
  selector: 'pm-what-if-panel',
  imports: [FormsModule, NgxEchartsDirective, NzAlertModule, NzButtonModule, NzCardModule, NzCheckboxModule, NzSelectModule, NzTableModule, NzTagModule],
  providers: [NzModalService, provideEchartsCore({ echarts: () => import('../monitoring/echarts-setup').then((m) => m.default) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './what-if-panel.html',
  styleUrl: './what-if-panel.css',
})
export class WhatIfPanel {
  private readonly api = inject(SettingsApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  readonly profiles = input.required<SettingsProfileDto[]>();
  readonly years = input.required<FiscalYearDto[]>();
  readonly profileId = model<string | null>(null);
  readonly year = model<number | null>(null);

  protected readonly text = SETTINGS_TEXT;
  protected readonly busy = signal(false);
  protected readonly result = signal<(WhatIfResponse & { profileId: string; profileName: string }) | null>(null);
  protected readonly rescored = signal<RescoreResponse | null>(null);
  protected readonly onlyGradeMoves = signal(false);
  protected readonly table = computed(() => changeRows(this.result()?.changes ?? []));
  protected readonly rows = computed(() => (this.onlyGradeMoves() ? this.table().rows.filter((r) => r.gradeMoved) : this.table().rows));
  protected readonly chart = computed(() => {
    const r = this.result();
    return r ? gradeBars(r.grades) : {};
  });
  protected readonly profileName = computed(() => this.profiles().find((p) => p.id === this.profileId())?.profile.name ?? '');
  /** Rescoring uses the year's own profile: the one tried must be the year's choice. */
  protected readonly chosenForYear = computed(() => {
    const year = this.years().find((y) => y.year === this.year());
    return !!year && year.profileId === this.profileId();
  });

  async run(): Promise<void> {
    const [profileId, year] = [this.profileId(), this.year()];
    if (!profileId || !year) return;
    this.busy.set(true);
    try {
      const answer = await this.api.whatIf(profileId, year);
      this.rescored.set(null);
      this.result.set({ ...answer, profileId, profileName: this.profileName() });
    } catch (error) {
      this.message.error(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected askRescore(): void {
    const [profileId, year, name] = [this.profileId(), this.year(), this.profileName()];
    if (!profileId || !year) return;
    this.modal.confirm({
      nzTitle: this.text.rescoreTitle(year),
      nzContent: this.text.rescoreBody(year, name),
      nzOkText: this.text.rescoreOk,
      nzCancelText: this.text.cancel,
      nzOnOk: () => this.rescore(profileId, year),
    });
  }

  private async rescore(profileId: string, year: number): Promise<void> {
    try {
      const done = await this.api.rescore(profileId, year);
      this.rescored.set(done);
      // the drafts now carry the profile: the what-if shown is of before the rescore
      this.result.set(null);
      this.message.success(this.text.rescored(done.fiscalYear, done.rescored, done.kept));
    } catch (error) {
      this.message.error(messageOf(error));
    }
  }
}
