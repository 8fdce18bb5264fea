/** A repair the importer made, or why it refused a row: where it was found (row from 1) and what. */
export interface ImportNoteDto {
  source: string;
  row: number;
  column: string | null;
  message: string;
}

/** Rows read under a project that may belong to another (存疑, a PDF's order): nothing is moved, the clerk checks them. */
export interface ImportDoubtDto extends ImportNoteDto {
  project: string;
  rows: number[];
  nextProject: string | null;
}

/** One check of SPEC §3 on an imported sheet, as counted in the plan's blocking / warnings (row of the sheet, from 1). */
export interface ImportCheckDto {
  row: number | null;
  field: string | null;
  severity: 'blocking' | 'warning';
  code: string;
  message: string;
}

/** A warning of the answer; `unit-mismatch`: the table names another unit (the page asks the clerk to confirm; the API does not, SPEC §11). */
export interface ImportWarningDto {
  message: string;
  code?: 'unit-mismatch';
  /** The unit the table names (unit-mismatch). */
  namedUnit?: string;
}

/** What an import does to a project (SPEC §11): 新建, 更新草稿, 生成调整稿, or nothing (the same content is already there). */
export type ImportAction = 'created' | 'updated' | 'adjusted' | 'unchanged';

export interface ImportedProjectPlan {
  name: string;
  code: string | null;
  action: ImportAction;
  indicators: number;
  /** Checks of SPEC §3 on the imported sheet: blocking ones stop a later submit, not the import. */
  blocking: number;
  warnings: number;
  /** Every check counted in blocking and warnings, blocking first. */
  checks: ImportCheckDto[];
  /** Indicators whose 上年完成值 came from an imported self-evaluation of an earlier year. */
  lastYearFilled: number;
  projectId: string | null;
  /** The unit the project goes into (in a department's import, chosen by the table's unit rows). */
  unitName?: string;
  /** A new project's 年度预算总额 (yuan) and 项目分类, from the table or another table of the document (said in repairs). */
  fundsTotal?: string | null;
  category?: string | null;
}

/** A unit of a department's import: one of the department's units, or one the import creates. */
export interface ImportedUnitDto {
  unitId: string;
  unitName: string;
  code: string | null;
  action: 'matched' | 'created';
  projects: number;
}

/** `POST /api/imports/target-tables`: the preview (dryRun) or what was stored. */
export interface TargetTableImportResult {
  dryRun: boolean;
  fiscalYear: number;
  /** The unit imported into, or the department whose units' tables these are. */
  unitId: string;
  unitName: string;
  units: ImportedUnitDto[];
  /** SPEC §11: the table's title names another unit than the one imported into (the page asks to confirm). */
  warnings: ImportWarningDto[];
  tables: number;
  projects: ImportedProjectPlan[];
  indicators: number;
  repairs: ImportNoteDto[];
  errors: ImportNoteDto[];
  /** Blocks of rows that may sit under the wrong project (存疑), for the clerk to check before confirming. */
  doubts: ImportDoubtDto[];
  /** The layouts mapped by hand that read a table's header (SPEC §7): a saved one by its id, the layout being tried (the upload's `layout`) with id null. */
  layouts: { id: string | null; name: string }[];
}

/** A table's columns mapped by hand (版式, SPEC §7) as saved for an organisation: `GET /api/import-layouts`. */
export interface ImportLayoutDto {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  /** Shared by finance with every organisation. */
  shared: boolean;
  version: number;
  /** The header rows' cell texts as the table shows them (one to three rows). */
  header: string[][];
  /** What each column is (null: left out). */
  columns: (import('@pm/domain').TargetColumn | null)[];
  /** Rows between the header and the first project that are skipped. */
  skipRows: number;
  updatedAt: string;
}

/** `POST /api/import-layouts` (organizationId defaults to the user's organisation; only finance shares). */
export interface SaveImportLayoutRequest {
  name: string;
  organizationId?: string;
  shared?: boolean;
  header: string[][];
  columns: (import('@pm/domain').TargetColumn | null)[];
  skipRows?: number;
}

/** `PUT /api/import-layouts/:id`: the whole layout again with the version it was read at (409 when stale). */
export interface UpdateImportLayoutRequest extends SaveImportLayoutRequest {
  version: number;
}

/** `POST /api/imports/table-grid`: each table as read and the header the reader would use, for the mapping screen. */
export interface TableGridResult {
  tables: import('@pm/domain').TableGrid[];
  choices: import('@pm/domain').ColumnChoice[];
}

/** `POST /api/imports/self-evaluations`: last years' results stored for 上年完成值. */
export interface SelfEvaluationImportResult {
  fiscalYear: number;
  unitId: string;
  unitName: string;
  tables: number;
  projects: number;
  results: number;
  /** Results given as a phrase (作用明显), kept as text: they give no 上年完成值. */
  phrases: number;
  /**
   * A closed year's published 自评表 imported by a reviewer are recorded whole: project, approved
   * target sheet and approved self-evaluation, scored by the engine beside what was published.
   */
  evaluations: PublishedEvaluationDto[];
  /** Why tables were not recorded whole (an open year, a lead importing, a project already approved otherwise). */
  notes: string[];
}

export interface PublishedEvaluationDto {
  projectName: string;
  projectId: string;
  selfEvaluationId: string | null;
  action: 'created' | 'unchanged' | 'skipped';
  published: { total: string | null; grade: string | null };
  computed: { total: string; grade: import('@pm/domain').Grade } | null;
  /** The engine gives every published 得分, the 总分 and the 等级. */
  reproduced: boolean;
  /** Rows (and 预算执行) whose published 得分 the engine does not give, each with its arithmetic. */
  differences: { row: number | null; name: string; published: string | null; computed: string | null; formula: string | null }[];
  flags: import('@pm/domain').IntegrityFlag[];
}

/** What an import does to a department's overall target: 新建, 更新草稿, or nothing (the same content is already there). */
export type DepartmentTargetImportAction = 'created' | 'updated' | 'unchanged';

export interface ImportedDepartmentTargetPlan {
  departmentId: string;
  name: string;
  action: DepartmentTargetImportAction;
  /** Counts of what the table gave. */
  duties: number;
  tasks: number;
  indicators: number;
  /** The budget as it will be stored, in yuan. */
  budget: import('@pm/domain').DepartmentBudget;
  /** Checks of the overall target (SPEC §3): blocking ones stop a later submit, not the import. */
  blocking: number;
  warnings: number;
}

/** `POST /api/imports/department-targets`: the preview (dryRun) or what was stored as the department's draft. */
export interface DepartmentTargetImportResult {
  dryRun: boolean;
  fiscalYear: number;
  tables: number;
  departments: ImportedDepartmentTargetPlan[];
  repairs: ImportNoteDto[];
  errors: ImportNoteDto[];
  /** The table names another department or year than the one imported into: the page asks the clerk to confirm. */
  warnings: { message: string }[];
}
