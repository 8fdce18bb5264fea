import { WritableSignal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { messageOf } from '../core/api-errors.interceptor';

/**
 * Runs a user action with a busy flag, then shows its success text or the API's message
 * (a page may also keep the error, e.g. a 400's rows). Returns whether it succeeded.
 */
export async function runAction(busy: WritableSignal<boolean>, message: NzMessageService, action: () => Promise<string>, failed?: (error: unknown) => void): Promise<boolean> {
  busy.set(true);
  try {
    message.success(await action());
    return true;
  } catch (error) {
    failed?.(error);
    message.error(messageOf(error));
    return false;
  } finally {
    busy.set(false);
  }
}
