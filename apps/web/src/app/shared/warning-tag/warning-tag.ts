import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Colour, Warning } from '@pm/domain';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { COLOUR_TAGS } from '../../pages/monitoring/monitoring.text';

/** A warning colour as a tag; hovering shows the rule and the arithmetic that gave it. */
@Component({
  selector: 'pm-warning-tag',
  imports: [NzTagModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (tag(); as t) {
      <nz-tag [nzColor]="t.color" [nz-tooltip]="detail()" nzTooltipPlacement="topRight" data-test="warning-tag" [attr.data-colour]="colour()">{{ t.label }}</nz-tag>
      @if (showFormula()) { <div class="formula" data-test="warning-formula">{{ warning()?.explanation?.formula }}</div> }
    } @else {
      <span class="pending">{{ pendingText() }}</span>
    }
  `,
  styles: `
    .formula { font-size: 12px; color: #595959; margin-top: 2px; }
    .pending { color: #8c8c8c; font-size: 12px; }
  `,
})
export class WarningTag {
  readonly warning = input<Warning | null | undefined>(null);
  /** A colour without its explanation (a report's overall colour). */
  readonly colourOnly = input<Colour | null | undefined>(null);
  readonly showFormula = input(false);
  readonly pendingText = input('未填报');
  protected readonly colour = computed(() => this.warning()?.colour ?? this.colourOnly() ?? null);
  protected readonly tag = computed(() => {
    const colour = this.colour();
    return colour ? COLOUR_TAGS[colour] : null;
  });
  protected readonly detail = computed(() => {
    const e = this.warning()?.explanation;
    return e ? `${e.rule}：${e.formula}` : '';
  });
}
