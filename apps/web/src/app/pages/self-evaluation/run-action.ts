import { HttpErrorResponse } from '@angular/common/http';
import { WritableSignal } from '@angular/core';
import { SheetCheck } from '@pm/domain';
import { NzMessageService } from 'ng-zorro-antd/message';
import { messageOf } from '../../core/api-errors.interceptor';
import { checksOfError } from './evaluation-form';

/** What a 自评表 page shows while an action runs and after it answers. */
export interface ActionState {
  readonly busy: WritableSignal<boolean>;
  readonly refused: WritableSignal<SheetCheck[]>;
  readonly stale: WritableSignal<string | null>;
}

/** Runs an action: its success text, or the API's message — a 400 also at its fields and rows, a 409 with the offer to reload. */
export async function runAction(state: ActionState, message: NzMessageService, action: () => Promise<string>): Promise<boolean> {
  state.busy.set(true);
  try {
    const done = await action();
    state.refused.set([]);
    state.stale.set(null);
    message.success(done);
    return true;
  } catch (error) {
    if (error instanceof HttpErrorResponse && error.status === 409) state.stale.set(messageOf(error));
    if (error instanceof HttpErrorResponse && error.status === 400) state.refused.set(checksOfError(error.error));
    message.error(messageOf(error));
    return false;
  } finally {
    state.busy.set(false);
  }
}
