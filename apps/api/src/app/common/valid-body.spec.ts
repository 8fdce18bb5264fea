import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import * as departmentTargets from '../department-targets/dto/department-target.dto';
import * as fiscalYears from '../fiscal-years/dto/fiscal-year.dto';
import * as imports from '../imports/dto/import.dto';
import * as library from '../library/dto/library.dto';
import * as monitoring from '../monitoring/dto/monitoring.dto';
import * as organizations from '../organizations/dto/organization.dto';
import * as projects from '../projects/dto/project.dto';
import * as review from '../review/dto/review-request.dto';
import * as selfEvaluation from '../self-evaluation/dto/self-evaluation.dto';
import * as settings from '../settings/dto/settings-profile.dto';
import * as targets from '../targets/dto/target-sheet.dto';
import * as users from '../users/dto/user.dto';
import { isCertainlyValid } from './valid-body';

type Constructor = new () => object;

/** What the global pipe decides: class-transformer, then class-validator with its options. */
const classValidatorSays = (type: Constructor, body: unknown) =>
  validateSync(plainToInstance(type, body) as object, { whitelist: true, forbidNonWhitelisted: true }).length === 0;

const DTOS: Constructor[] = [departmentTargets, fiscalYears, imports, library, monitoring, organizations, projects, review, selfEvaluation, settings, targets, users]
  .flatMap((module) => Object.values(module))
  .filter((value): value is Constructor => typeof value === 'function' && /Dto|Input|Request/.test(value.name));

const row = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  level1: '产出指标',
  level2: '数量指标',
  name: `指标${n}`,
  comparator: '≥',
  value: '90',
  unit: '%',
  kind: '定量',
  content: '反映完成情况。',
  basis: '计划标准',
  lastYearActual: '88',
  weight: '1.5',
  scoringRule: '按照完成比例赋分',
  evidence: '工作台账',
});
const sheet = () => ({ version: 3, indicators: [row(1), row(2), { ...row(3), id: undefined, comparator: null, weight: null }] });

/** A value of any JSON shape, with the texts and numbers the rules look at. */
const anyValue = fc.oneof(
  fc.constantFrom('', '≥', '定量', '90', '1.5', '-3', 'x'.repeat(31), 'x'.repeat(2001), '00000000-0000-4000-8000-000000000001', '2026'),
  fc.integer({ min: -5, max: 3000 }),
  fc.double(),
  fc.constantFrom(null, true, false, [], {}, [{}], ['a']),
);

describe('isCertainlyValid: a quick yes only where class-validator says yes', () => {
  it('passes the sheet the editor sends, as class-validator does', () => {
    const body = sheet();
    delete (body.indicators[2] as Partial<ReturnType<typeof row>>).id;
    expect(classValidatorSays(targets.SaveTargetSheetDto, body)).toBe(true);
    expect(isCertainlyValid(targets.SaveTargetSheetDto, body)).toBe(true);
  });

  it('agrees with class-validator on the sheet with any field of it or of a row changed, dropped or added', () => {
    const rowFields = [...Object.keys(row(1)), 'extra'];
    const sheetFields = ['version', 'indicators', 'levelWeights', 'project', 'extra'];
    const edit = fc.oneof(
      fc.tuple(fc.constant(-1), fc.constantFrom(...sheetFields), fc.option(anyValue, { nil: undefined })),
      fc.tuple(fc.nat(2), fc.constantFrom(...rowFields), fc.option(anyValue, { nil: undefined })),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const body: Record<string, unknown> = sheet();
        const rows = body.indicators as Record<string, unknown>[];
        delete rows[2].id;
        for (const [at, field, value] of edits) {
          const target = at === -1 ? body : rows[at];
          if (value === undefined) delete target[field];
          else target[field] = value;
        }
        expect(isCertainlyValid(targets.SaveTargetSheetDto, body)).toBe(classValidatorSays(targets.SaveTargetSheetDto, body));
      }),
      { numRuns: 500 },
    );
  });

  it('never says yes where class-validator says no, for any body of any DTO', () => {
    expect(DTOS.length).toBeGreaterThan(20);
    for (const type of DTOS) {
      const keys = [...Object.keys(new type()), 'extra'];
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length }), (body) => {
          if (isCertainlyValid(type, body)) expect(classValidatorSays(type, body)).toBe(true);
        }),
        { numRuns: 150 },
      );
    }
  });

  it('leaves a class that converts its values (@Transform) to class-transformer', () => {
    expect(isCertainlyValid(imports.DryRunQueryDto, { dryRun: true })).toBe(false);
    expect(classValidatorSays(imports.DryRunQueryDto, { dryRun: true })).toBe(true);
  });
});
