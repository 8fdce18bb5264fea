import { DocumentVersionDto } from '@pm/api-contract';

/** An approval as the form prints it: the comment and the date it was given. */
export interface Opinion {
  comment: string;
  date: string;
}

/** What the sign-off block can fill in from a document's history. */
export interface SignOff {
  filler: string | null;
  fillDate: string | null;
  department: Opinion | null;
  finance: Opinion | null;
}

/** A date as the forms write it, in China's time: 2026年3月5日. */
export function formDate(at: string): string {
  return new Date(at).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
}

/** The latest approval that left the document in `statusAfter`, while the state now shows it still stands (a return or adjustment since puts the document back to draft). */
function standing(versions: readonly DocumentVersionDto[], statusAfter: string, standsIn: readonly string[], status: string): Opinion | null {
  if (!standsIn.includes(status)) return null;
  const v = versions.findLast((x) => x.action === 'approve' && x.statusAfter === statusAfter);
  return v ? { comment: v.comment ?? '', date: formDate(v.at) } : null;
}

/** The submission the printed document stands on (none for a draft) and the opinions of the levels that approved it. */
export function signOffOf(versions: readonly DocumentVersionDto[], status: string): SignOff {
  const submitted = status === 'draft' ? undefined : versions.findLast((v) => v.action === 'submit');
  return {
    filler: submitted?.actor.displayName ?? null,
    fillDate: submitted ? formDate(submitted.at) : null,
    department: standing(versions, 'department_approved', ['department_approved', 'approved'], status),
    finance: standing(versions, 'approved', ['approved'], status),
  };
}
