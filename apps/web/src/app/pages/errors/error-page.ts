import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { PATHS } from '../../paths';

const TEXT = {
  403: { title: '无权访问', subtitle: '您没有查看此页面的权限。如需办理，请联系管理员。' },
  404: { title: '页面或记录不存在', subtitle: '您访问的内容不存在，或不在您的查看范围内。' },
} as const;

@Component({
  selector: 'pm-error-page',
  imports: [NzResultModule, NzButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-result [nzStatus]="status() === 403 ? '403' : '404'" [nzTitle]="text().title" [nzSubTitle]="text().subtitle">
      <div nz-result-extra>
        <a nz-button nzType="primary" [routerLink]="home">返回项目列表</a>
      </div>
    </nz-result>
  `,
})
export class ErrorPage {
  readonly status = input<403 | 404>(404);
  protected readonly home = PATHS.projects;
  protected text() {
    return TEXT[this.status()];
  }
}
