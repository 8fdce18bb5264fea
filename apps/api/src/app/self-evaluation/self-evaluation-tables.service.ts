import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldError, SaveSelfEvaluationRequest, SelfEvaluationDto, SelfEvaluationWorkbookImportResult, SessionUser } from '@pm/api-contract';
import { decimalOf, normaliseIndicatorName, scoringMethodOf, SelfEvaluationForm, tierOf } from '@pm/domain';
import { DataSource } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { badRequest } from '../common/api-error';
import { ExportFile } from '../exports/exports.service';
import { SelfEvaluationSheetData } from '../exports/self-evaluation.workbook';
import { buildWorkbook } from '../exports/workbooks';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { refuseUnless, ReviewRunner } from '../review/review-runner.service';
import { DepartmentSelfEvaluationsService } from './department/department-self-evaluations.service';
import { SelfEvaluationRow } from './self-evaluation-row.entity';
import { SelfEvaluation } from './self-evaluation.entity';
import { SelfEvaluationKind } from './self-evaluation.kind';
import { SelfEvaluationsService } from './self-evaluations.service';
import { readTables, TablesInput } from '../imports/workbook';

/** Thrown inside a dry run's transaction so the save is rolled back once its preview is read. */
class DryRun extends Error {
  constructor(readonly preview: SelfEvaluationDto) {
    super('dry run');
  }
}

const key = (level1: string, level2: string, name: string) => [level1, level2, name].map((n) => normaliseIndicatorName(n)).join('/');

/** The official 项目支出绩效自评表 out (one project, or a department's disclosure pack) and a copy filled in Excel back in. */
@Injectable()
export class SelfEvaluationTablesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: SelfEvaluationsService,
    private readonly runner: ReviewRunner,
    private readonly kind: SelfEvaluationKind,
    private readonly scope: ScopeService,
    private readonly departments: DepartmentSelfEvaluationsService,
  ) {}

  async file(user: SessionUser, id: string): Promise<ExportFile> {
    const data = await this.sheetData(user, id);
    return { fileName: `${data.evaluation.fiscalYear}年度 ${data.evaluation.projectName} 项目支出绩效自评表.xlsx`, content: await buildWorkbook('selfEvaluation', data) };
  }

  /** Every approved 自评表 of a department's year, for the final accounts. */
  async disclosure(user: SessionUser, fiscalYear: number, departmentId: string): Promise<ExportFile> {
    const department = await this.dataSource.getRepository(Organization).findOneBy({ id: departmentId, kind: 'department' });
    if (!department) throw badRequest('请选择一个主管部门', [{ field: 'departmentId', message: '不是主管部门' }]);
    await this.scope.assertReadable(user, departmentId);
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT e.id FROM self_evaluations e JOIN organizations u ON u.id = e.unit_id JOIN projects p ON p.id = e.project_id
       WHERE e.fiscal_year = $1 AND e.status = 'approved' AND (u.id = $2 OR u.parent_id = $2) ORDER BY u.name, p.name`,
      [fiscalYear, departmentId],
    );
    const whole = await this.departments.read(user, departmentId, fiscalYear);
    const departmentTable = whole.status === 'approved' ? whole : null;
    if (!ids.length && !departmentTable) throw badRequest(`${department.name} ${fiscalYear} 年度还没有审核通过的自评表`, [{ field: 'fiscalYear', message: '没有已审核的自评表' }]);
    const tables: SelfEvaluationSheetData[] = [];
    for (const { id } of ids) tables.push(await this.sheetData(user, id));
    return { fileName: `${department.name} ${fiscalYear}年度绩效自评表（决算公开）.xlsx`, content: await buildWorkbook('disclosure', tables, departmentTable) };
  }

  /**
   * A 自评表 filled in Excel into its open evaluation: rows matched by the export's 指标编号, else by
   * 一级/二级/三级; 定性 rows take their tier from the 得分 given. Every problem is tied to its row in the
   * file; nothing is stored on a dry run (the save runs and is rolled back) or when anything is wrong.
   */
  async importEvaluation(user: SessionUser, id: string, sources: TablesInput, dryRun: boolean): Promise<SelfEvaluationWorkbookImportResult> {
    const found = await this.evaluations.findVisible(user, id);
    // a dry run is refused exactly as the real run would be
    refuseUnless(await this.runner.decision(user, this.kind, found, found, 'import'));
    const rows = await this.dataSource.getRepository(SelfEvaluationRow).find({ where: { evaluationId: id }, order: { position: 'ASC' } });
    const project = await this.dataSource.getRepository(Project).findOneByOrFail({ id: found.projectId });
    const form = this.formOf((await readTables('selfEvaluations', sources)).forms, project.name);
    const { body, fileRow, errors, changed } = this.bodyOf(form, found, rows);
    if (errors.length) throw badRequest(`自评表有 ${errors.length} 处问题，未导入任何内容`, errors);
    try {
      const evaluation = await this.dataSource.transaction(async (db) => {
        await this.evaluations.saveIn(db, user, found, body, 'import');
        const preview = await this.evaluations.read(user, id, db);
        if (dryRun) throw new DryRun(preview);
        return preview;
      });
      return { dryRun, changed, evaluation };
    } catch (error) {
      if (error instanceof DryRun) return { dryRun, changed, evaluation: error.preview };
      throw this.inFileRows(error, rows, fileRow, form.source);
    }
  }

  private formOf(forms: SelfEvaluationForm[], projectName: string): SelfEvaluationForm {
    if (!forms.length) throw badRequest('文件中没有找到项目支出绩效自评表（应有“项目名称”和“一级指标 … 实际完成值 … 得分”表头）');
    const named = forms.filter((f) => f.projectName.replace(/\s/g, '') === projectName.replace(/\s/g, ''));
    if (named.length === 1 || forms.length === 1) return named[0] ?? forms[0];
    throw badRequest(`文件中有 ${forms.length} 张自评表，没有一张是“${projectName}”的`, [{ field: 'file', message: '项目名称不符' }]);
  }

  private bodyOf(form: SelfEvaluationForm, found: SelfEvaluation, rows: SelfEvaluationRow[]) {
    const byId = new Map(rows.map((r) => [r.indicatorId, r]));
    const byName = new Map(rows.map((r) => [key(r.level1, r.level2, r.name), r]));
    const errors: FieldError[] = [];
    const fileRow = new Map<string, number>();
    const at = (row: number, field: string, message: string) => errors.push({ row, field, message: `${form.source} 第 ${row} 行：${message}` });
    if (form.projectName.replace(/\s/g, '') !== '' && rows.length === 0) at(form.row, '项目名称', '本自评表没有指标');
    const indicators: SaveSelfEvaluationRequest['indicators'] = [];
    let changed = 0;
    for (const i of form.indicators) {
      const row = (i.indicatorId ? byId.get(i.indicatorId) : undefined) ?? byName.get(key(i.level1, i.level2, i.name));
      if (!row) {
        at(i.row, '三级指标', `指标“${i.name}”不在本自评表中（${i.level1} › ${i.level2}）`);
        continue;
      }
      if (fileRow.has(row.indicatorId)) {
        at(i.row, '三级指标', `指标“${i.name}”在文件中出现了两次`);
        continue;
      }
      fileRow.set(row.indicatorId, i.row);
      const notApplicable = i.actualText.replace(/\s/g, '') === '不适用';
      const tier = scoringMethodOf(row) === 'tier' && !notApplicable;
      const score = tier ? decimalOf(i.score) : null;
      const weight = decimalOf(row.weight);
      const input = {
        indicatorId: row.indicatorId,
        applicable: !notApplicable,
        // a number as the reader parsed it (85% → 85), a phrase as written; a wrong form is refused by the save, tied to this row
        actual: notApplicable ? row.actual : tier ? i.actualText || null : (i.actual ?? (i.actualText || null)),
        ...(tier ? { score: score ? score.toFixed(2) : null, tier: score && weight ? tierOf(score, weight, found.parameters.qualitativeTiers) : null } : {}),
        deviationNote: i.deviationNote,
      };
      if (input.actual !== row.actual || input.applicable !== row.applicable || input.deviationNote !== row.deviationNote || (tier && input.score !== (decimalOf(row.tierScore)?.toFixed(2) ?? null))) changed++;
      indicators.push(input);
    }
    const { initial, annual, executed } = form.money;
    const adjustment = initial !== null && annual !== null ? decimalOf(annual)?.minus(initial).toFixed(2) ?? null : found.budgetAdjustment;
    const body: SaveSelfEvaluationRequest = { version: found.version, budget: { executed: executed ?? found.budgetExecuted, adjustment }, goalActual: form.goalActual || found.goalActual, indicators };
    return { body, fileRow, errors, changed };
  }

  /** The save's refusals name rows of the evaluation; the clerk needs the rows of the file. */
  private inFileRows(error: unknown, rows: SelfEvaluationRow[], fileRow: Map<string, number>, source: string): unknown {
    if (!(error instanceof BadRequestException)) return error;
    const body = error.getResponse() as { message: string; errors?: FieldError[] };
    const errors = (body.errors ?? []).map((e) => {
      const at = e.row ? fileRow.get(rows[e.row - 1]?.indicatorId) : undefined;
      return at ? { ...e, row: at, message: `${source} 第 ${at} 行：${e.message.replace(/^第 \d+ 行[：:]?/, '')}` } : e;
    });
    return badRequest(`自评表有 ${errors.length || 1} 处问题，未导入任何内容：${errors[0]?.message ?? body.message}`, errors);
  }

  private async sheetData(user: SessionUser, id: string): Promise<SelfEvaluationSheetData> {
    const evaluation = await this.evaluations.read(user, id);
    const project = await this.dataSource.getRepository(Project).findOneByOrFail({ id: evaluation.projectId });
    const unit = await this.dataSource.getRepository(Organization).findOneByOrFail({ id: project.unitId });
    const department = unit.parentId ? await this.dataSource.getRepository(Organization).findOneBy({ id: unit.parentId }) : null;
    return {
      evaluation,
      departmentName: department?.name ?? unit.name,
      bySource: { appropriation: project.fundsCurrentYearAppropriation, carryOver: project.fundsCarryOver, other: project.fundsOther },
    };
  }
}
