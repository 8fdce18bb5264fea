import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@pm/api-contract';
import { badRequest } from './api-error';

/** `indicators.3.weight` is row 4, field `weight`: errors in a list of rows are tied to the row. */
const ROW_PATH = /^[A-Za-z]+\.(\d+)\.(.+)$/;

function located(field: string, message: string): FieldError {
  const row = ROW_PATH.exec(field);
  if (!row) return { field, message };
  const number = Number(row[1]) + 1;
  return { row: number, field: row[2], message: `第 ${number} 行：${message}` };
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, text]) =>
      located(field, rule === 'whitelistValidation' ? `不允许提交字段「${field.split('.').pop()}」` : text),
    );
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist every body, refuse unknown fields, and answer in the SPEC §11 shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return badRequest(fields[0]?.message ?? '提交的数据有误', fields);
    },
  });
}
