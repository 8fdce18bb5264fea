import { BadRequestException, NotFoundException, PipeTransform } from '@nestjs/common';
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN } from '@pm/domain';

/** A year in a path (`/overall-target/2026`): anything but a year in range names nothing there — 404. */
export class FiscalYearParamPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= FISCAL_YEAR_MIN && year <= FISCAL_YEAR_MAX)) throw new NotFoundException({ message: `没有 ${String(value).slice(0, 12)} 这个预算年度`, errors: [] });
    return year;
  }
}

/** A version number in a query (`?from=1&to=3`): a positive integer a PostgreSQL integer holds, else 400 naming the field. */
export class VersionQueryPipe implements PipeTransform<string, number> {
  constructor(private readonly field: string, private readonly label = '版本号') {}

  transform(value: string): number {
    const version = /^\d{1,9}$/.test(value ?? '') ? Number(value) : NaN;
    if (!(version >= 0)) throw new BadRequestException({ message: `${this.label}无效`, errors: [{ field: this.field, message: `${this.label}应为整数` }] });
    return version;
  }
}
