import { ApiErrorBody } from '@pm/api-contract';
import { SheetCheck } from '@pm/domain';

/** A refused save's row-tied errors as checks, shown at their rows until the next answer. */
export function checksOfError(body: Partial<ApiErrorBody> | null | undefined): SheetCheck[] {
  return (body?.errors ?? []).map((e) => ({ row: e.row ?? null, field: e.field ?? null, severity: 'blocking' as const, code: 'refused', message: e.message }));
}

/** Live checks and the server's refusals together, each message once per row. */
export function mergedChecks(live: readonly SheetCheck[], refused: readonly SheetCheck[]): SheetCheck[] {
  const seen = new Set(live.map((c) => `${c.row}\u0000${c.message}`));
  return [...live, ...refused.filter((c) => !seen.has(`${c.row}\u0000${c.message}`) && !live.some((l) => l.row === c.row && l.message.endsWith(c.message)))];
}
