import { BadRequestException, HttpStatus } from '@nestjs/common';
import { ApiErrorBody, FieldError } from '@pm/api-contract';
import { SheetCheck } from '@pm/domain';

/** A 400 in the SPEC §11 shape: a sentence for the clerk and the fields at fault. */
export function badRequest(message: string, errors: FieldError[] = [], extra: Record<string, unknown> = {}): BadRequestException {
  const body: ApiErrorBody = { message, errors, ...extra };
  return new BadRequestException(body);
}

/** A submit refused because of blocking checks: every check with its row and field. */
export function blockedByChecks(blocking: SheetCheck[]): BadRequestException {
  return badRequest(
    `还有 ${blocking.length} 处必须修改的问题，不能提交`,
    blocking.map((c) => ({ ...(c.row ? { row: c.row } : {}), ...(c.field ? { field: c.field } : {}), message: c.message })),
  );
}

export const DEFAULT_MESSAGES: Partial<Record<number, string>> = {
  [HttpStatus.BAD_REQUEST]: '提交的数据有误',
  [HttpStatus.UNAUTHORIZED]: '请先登录',
  [HttpStatus.FORBIDDEN]: '您没有执行此操作的权限',
  [HttpStatus.NOT_FOUND]: '未找到该记录，或您无权查看',
  [HttpStatus.CONFLICT]: '记录已被他人修改或状态已变化，请刷新后重试',
  [HttpStatus.PAYLOAD_TOO_LARGE]: '上传内容过大',
  [HttpStatus.TOO_MANY_REQUESTS]: '请求过于频繁，请稍后再试',
  [HttpStatus.INTERNAL_SERVER_ERROR]: '服务器内部错误，请稍后再试或联系管理员',
  [HttpStatus.SERVICE_UNAVAILABLE]: '服务暂不可用',
};
