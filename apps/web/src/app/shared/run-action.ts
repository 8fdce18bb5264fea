import { WritableSignal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { messageOf } from '../core/api-errors.interceptor';

/**
 * Runs a user action with a busy flag, then shows its success text or the API's message.
 * Returns whether it succeeded.
 */
export async function runAction(busy: WritableSignal<boolean>, message: NzMessageService, action: () => Promise<string>): Promise<boolean> {
  busy.set(true);
  try {
    message.success(await action());
    return true;
  } catch (error) {
    message.error(messageOf(error));
    return false;
  } finally {
    busy.set(false);
  }
}
