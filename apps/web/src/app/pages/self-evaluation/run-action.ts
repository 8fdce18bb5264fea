import { HttpErrorResponse } from '@angular/common/http';
import { WritableSignal } from '@angular/core';
import { SheetCheck } from '@pm/domain';
import { NzMessageService } from 'ng-zorro-antd/message';
import { messageOf } from '../../core/api-errors.interceptor';
import { runAction } from '../../shared/run-action';
import { checksOfError } from '../../shared/refusals';

/** What a 自评表 page shows while an action runs and after it answers. */
export interface ActionState {
  readonly busy: WritableSignal<boolean>;
  readonly refused: WritableSignal<SheetCheck[]>;
  readonly stale: WritableSignal<string | null>;
}

/** The shared runAction, keeping a 400's fields and rows at their rows and a 409's offer to reload. */
export function runDocumentAction(state: ActionState, message: NzMessageService, action: () => Promise<string>): Promise<boolean> {
  return runAction(
    state.busy,
    message,
    async () => {
      const done = await action();
      state.refused.set([]);
      state.stale.set(null);
      return done;
    },
    (error) => {
      if (error instanceof HttpErrorResponse && error.status === 409) state.stale.set(messageOf(error));
      if (error instanceof HttpErrorResponse && error.status === 400) state.refused.set(checksOfError(error.error));
    },
  );
}
