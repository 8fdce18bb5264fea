import { Role, ROLE_LABELS } from '../access/roles';

/**
 * The one review chain (SPEC §4, §12): every reviewed document — target sheet, department overall
 * target, monitoring report, self-evaluation — declares its chain as a table of rows, and `decide`
 * reads that table. Self-approval, return-to-draft, adjustment and 良-edits are rows, not code paths.
 */
export const CHAIN_ACTIONS = ['save', 'import', 'submit', 'approve', 'return', 'adjust', 'override'] as const;
export type ChainAction = (typeof CHAIN_ACTIONS)[number];

export const CHAIN_ACTION_LABELS: Record<ChainAction, string> = {
  save: '保存',
  import: '导入覆盖',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  adjust: '发起调整',
  override: '调整得分',
};

/** Review result: 优 passes; 良 passes after the reviewer's own small edits; 中 returns; 差 returns, not fit for the budget. */
export const REVIEW_GRADES = ['优', '良', '中', '差'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];

/** 完整性, 相关性, 适当性, 可行性 — each rated with a grade. */
export const REVIEW_RATINGS = ['完整性', '相关性', '适当性', '可行性'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

/**
 * What a transition does besides moving the state. The runner applies the generic ones
 * (`submitted`, `returned`, `inForce`, `reopened`); a document kind maps the rest to its columns.
 */
export type ChainEffect = 'submitted' | 'returned' | 'inForce' | 'reopened' | 'notFitForBudget';

export interface ChainRow<S extends string = string> {
  action: ChainAction;
  from: S;
  role: Role;
  /** `author`: the role writing for its own organisation; `reviewer`: a role reviewing what is in its scope. */
  as: 'author' | 'reviewer';
  /** Where it leads; `from` for actions that keep the state (saves, 良-edits, overrides). */
  to: S;
  /** A written comment is required. */
  comment?: boolean;
  /** The review grades this row takes; `gradeRequired` makes giving one compulsory. */
  grades?: readonly ReviewGrade[];
  gradeRequired?: boolean;
  effects?: readonly ChainEffect[];
  /** The rule in the words of the policy, shown in the docs and the tests. */
  rule: string;
}

export interface ReviewChain<S extends string = string> {
  /** The document kind, as stored beside each version (`target_sheet`). */
  kind: string;
  /** What the clerk calls the document (绩效目标, 监控表). */
  noun: string;
  states: readonly S[];
  labels: Record<S, string>;
  rows: readonly ChainRow<S>[];
}

export interface ChainRequest<S extends string = string> {
  status: S;
  action: ChainAction;
  role: Role;
  /** The actor writes for the document's organisation (their scope's write set holds it). */
  isAuthor: boolean;
  /** The actor is the one who submitted the version under review. */
  submittedIt: boolean;
  comment?: string | null;
  grade?: ReviewGrade | null;
}

export type ChainRefusal = 'forbidden' | 'conflict' | 'invalid';

export type ChainDecision<S extends string = string> =
  | { ok: true; status: S; row: ChainRow<S>; effects: readonly ChainEffect[] }
  | { ok: false; refusal: ChainRefusal; message: string };

/** Who acts in a review stage, as the clerk says it. */
const STAGE_OF: Partial<Record<Role, string>> = { department_reviewer: '主管部门', finance_reviewer: '财政部门', project_lead: '项目负责人' };

const refuse = (refusal: ChainRefusal, message: string): ChainDecision<never> => ({ ok: false, refusal, message });

/** Reads the chain's table for one request: the row that allows it, or why not (403 / 409 / 400). */
export function decide<S extends string>(chain: ReviewChain<S>, request: ChainRequest<S>): ChainDecision<S> {
  const { status, action, role } = request;
  const verb = CHAIN_ACTION_LABELS[action];
  const label = chain.labels[status] ?? status;
  const forAction = chain.rows.filter((r) => r.action === action);
  const here = forAction.filter((r) => r.from === status);
  const candidates = here.filter((r) => r.role === role);
  if (candidates.length === 0) {
    const mine = forAction.filter((r) => r.role === role);
    if (mine.length === 0) {
      const who = [...new Set(forAction.map((r) => ROLE_LABELS[r.role]))];
      return refuse('forbidden', who.length ? `只有${who.join('或')}可以${verb}${chain.noun}` : `${chain.noun}不能${verb}`);
    }
    if (mine.some((r) => r.as === 'author')) return refuse('conflict', `${chain.noun}当前为“${label}”，不能${verb}`);
    const reviewer = here.find((r) => r.as === 'reviewer');
    if (reviewer) return refuse('forbidden', `当前应由${STAGE_OF[reviewer.role] ?? ROLE_LABELS[reviewer.role]}审核`);
    const author = here.find((r) => r.as === 'author');
    if (author) return refuse('forbidden', `${chain.noun}为“${label}”时只能由${ROLE_LABELS[author.role]}${verb}`);
    return refuse('conflict', `${chain.noun}当前为“${label}”，不在审核中`);
  }

  const grade = request.grade ?? null;
  const row = grade ? candidates.find((r) => r.grades?.includes(grade)) ?? candidates.find((r) => !r.grades) : candidates[0];
  if (!row) {
    // the grade belongs to another action at this stage: 中 is a return, not an approval
    const other = chain.rows.find((r) => r.from === status && r.role === role && r.action !== action && grade && r.grades?.includes(grade));
    const allowed = [...new Set(candidates.flatMap((r) => r.grades ?? []))];
    return refuse('invalid', other ? `审核结果为“${grade}”时应${CHAIN_ACTION_LABELS[other.action]}，不能${verb}` : `${verb}时审核结果应为${allowed.join('或')}`);
  }
  if (row.as === 'author' && !request.isAuthor) return refuse('forbidden', '您只能为本单位办理此项业务');
  if (row.as === 'reviewer' && request.submittedIt) return refuse('forbidden', `不能审核自己提交的${chain.noun}`);
  if (row.gradeRequired && !grade) {
    const allowed = [...new Set(candidates.flatMap((r) => r.grades ?? []))];
    return refuse('invalid', `请选择审核结果（${verb}时为${allowed.join('或')}）`);
  }
  if (row.comment && !request.comment?.trim()) return refuse('invalid', `${verb}时请填写${verb}意见`);
  return { ok: true, status: row.to, row, effects: row.effects ?? [] };
}

/** Every action the chain allows this actor now — what the screens show as buttons. */
export function allowedActions<S extends string>(chain: ReviewChain<S>, actor: Omit<ChainRequest<S>, 'action' | 'comment' | 'grade'>): ChainAction[] {
  const actions = new Set<ChainAction>();
  for (const row of chain.rows) {
    if (row.from !== actor.status || row.role !== actor.role) continue;
    if (row.as === 'author' && !actor.isAuthor) continue;
    if (row.as === 'reviewer' && actor.submittedIt) continue;
    actions.add(row.action);
  }
  return CHAIN_ACTIONS.filter((a) => actions.has(a));
}

/** The states in which a role has something to do (submit or review): what its 待办 lists. */
export function statesAwaiting<S extends string>(chain: ReviewChain<S>, role: Role): S[] {
  return [...new Set(chain.rows.filter((r) => r.role === role && (r.action === 'submit' || r.action === 'approve')).map((r) => r.from))];
}

/** The role that authors documents of this chain (the one who submits). */
export function authorOf(chain: ReviewChain): Role | null {
  return chain.rows.find((r) => r.action === 'submit')?.role ?? null;
}
