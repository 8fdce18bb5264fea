import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@pm/api-contract';
import { badRequest } from './api-error';
import { isCertainlyValid } from './valid-body';

/** `indicators.3.weight` is row 4, field `weight`: errors in a list of rows are tied to the row. */
const ROW_PATH = /^[A-Za-z]+\.(\d+)\.(.+)$/;

function located(field: string, message: string): FieldError {
  const row = ROW_PATH.exec(field);
  if (!row) return { field, message };
  const number = Number(row[1]) + 1;
  return { row: number, field: row[2], message: `第 ${number} 行：${message}` };
}

const CHINESE = /[\u4e00-\u9fff]/;

/** The clerk reads Chinese: a rule's own English text (class-validator's nested checks) becomes a sentence about the field. */
function textOf(rule: string, text: string, field: string): string {
  const name = field.split('.').pop();
  if (rule === 'whitelistValidation') return `不允许提交字段「${name}」`;
  if (CHINESE.test(text)) return text;
  if (rule === 'nestedValidation') return `「${name}」应为对象或列表`;
  return `「${name}」的值无效`;
}

/** What a value is comes before what it holds: "指标须为列表", not "最多 500 行", when `indicators` is a string. */
const TYPE_RULES = ['whitelistValidation', 'isDefined', 'isArray', 'isObject', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isUuid', 'isEnum'];

function firstRule(constraints: Record<string, string> | undefined): [string, string][] {
  const entries = Object.entries(constraints ?? {});
  const typed = entries.find(([rule]) => TYPE_RULES.includes(rule));
  return typed ? [typed] : entries.slice(0, 1);
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = firstRule(error.constraints).map(([rule, text]) => located(field, textOf(rule, text, field)));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A body or query a DTO describes must be one JSON object, not a list or a string (text/plain); no body at all reads as {}. */
class ObjectValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const described = (metadata.type === 'body' || metadata.type === 'query') && this.toValidate(metadata);
    if (described && value === undefined) return super.transform({}, metadata);
    if (described && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw badRequest(metadata.type === 'body' ? '提交的内容应为一个 JSON 对象（Content-Type: application/json）' : '查询参数有误');
    }
    // a valid body is passed on as it came; anything else is validated (and answered) by class-validator
    if (described && metadata.metatype && isCertainlyValid(metadata.metatype, value)) return value;
    return super.transform(value, metadata);
  }
}

/** Whitelist every body, refuse unknown fields, and answer in the SPEC §11 shape. */
export function createValidationPipe(): ValidationPipe {
  return new ObjectValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return badRequest(fields[0]?.message ?? '提交的数据有误', fields);
    },
  });
}
