import { BadRequestException, ConflictException, HttpException, ServiceUnavailableException } from '@nestjs/common';

/**
 * The last line behind the DTOs: a value PostgreSQL refuses is the request's fault (400/409),
 * a database that cannot be reached is a 503 the clerk can retry — neither is a 500.
 * Validation should catch these first; this keeps a missed case from reaching the user as a crash.
 */
const BY_CODE: Record<string, () => HttpException> = {
  '22001': () => new BadRequestException({ message: '填写的内容过长，请精简后重试', errors: [] }),
  '22003': () => new BadRequestException({ message: '填写的数值超出允许范围', errors: [] }),
  '22007': () => new BadRequestException({ message: '日期格式有误', errors: [] }),
  '22008': () => new BadRequestException({ message: '日期超出允许范围', errors: [] }),
  '22021': () => new BadRequestException({ message: '内容含有不可识别的字符，请删除后重试', errors: [] }),
  '22P02': () => new BadRequestException({ message: '提交的数据格式有误', errors: [] }),
  '22P05': () => new BadRequestException({ message: '内容含有不可识别的字符，请删除后重试', errors: [] }),
  '23503': () => new BadRequestException({ message: '引用的记录不存在（例如预算年度尚未设置），请检查后重试', errors: [] }),
  '23505': () => new ConflictException({ message: '该记录已存在（可能他人刚刚提交了同样的内容），请刷新后查看', errors: [] }),
  '40001': () => new ConflictException({ message: '他人正在同时修改，请重试', errors: [] }),
  '40P01': () => new ConflictException({ message: '他人正在同时修改，请重试', errors: [] }),
  '54001': () => new BadRequestException({ message: '提交的数据层级过深', errors: [] }),
};

/** Connection-level failures: refused, reset, terminated, the server shutting down or starting. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);
const UNAVAILABLE_TEXT = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|the database system is (starting up|shutting down)/i;

interface DriverError {
  code?: unknown;
  message?: unknown;
  driverError?: DriverError;
}

/** By shape, not `instanceof`: socket errors come from Node's own realm. */
export function httpErrorOfDatabase(error: unknown): HttpException | null {
  if (typeof error !== 'object' || error === null) return null;
  const outer = error as DriverError;
  const driver = outer.driverError ?? outer;
  const code = typeof driver.code === 'string' ? driver.code : typeof outer.code === 'string' ? outer.code : '';
  if (BY_CODE[code]) return BY_CODE[code]();
  if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_TEXT.test(String(outer.message ?? '')) || UNAVAILABLE_TEXT.test(String(driver.message ?? ''))) {
    return new ServiceUnavailableException({ message: '数据库暂时无法连接，请稍后重试', errors: [] });
  }
  return null;
}
