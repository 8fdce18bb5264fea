import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

// the store of @Type / @Transform that plainToInstance reads (what @nestjs/mapped-types reads too)
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

/**
 * A quick yes for bodies that are valid. class-validator builds an error object for every
 * property and looks each row class's rules up again for every row: a 60-row sheet took longer to
 * validate than to save. Here each DTO class's own rules (the same decorators, the same constraint
 * instances) are gathered once into a plan and run as plain calls. The plan only ever says "valid";
 * anything else — an invalid body, or a class whose rules it does not cover (async, groups,
 * @Transform, defaults, …) — goes through class-validator and class-transformer as before, so
 * every message still comes from there.
 */
interface PropertyPlan {
  name: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  checks: { each: boolean; validateIf?: (object: object, value: unknown) => boolean; constraints: unknown[]; property: string; validate: (value: unknown, args: object) => unknown }[];
  /** The nested rows' class (@ValidateNested with @Type), null when the property has none. */
  nested: ClassPlan | null;
}

interface ClassPlan {
  properties: PropertyPlan[];
  allowed: Set<string>;
}

type Constructor = abstract new (...args: never[]) => object;

const plans = new Map<Constructor, ClassPlan | null>();
const building = new Set<Constructor>();

/** Whether `value` is certainly valid for `metatype` as the global pipe validates it (whitelist, forbidNonWhitelisted). */
export function isCertainlyValid(metatype: Constructor, value: unknown): boolean {
  const plan = planOf(metatype);
  return plan !== null && passes(plan, value);
}

function passes(plan: ClassPlan, object: unknown): boolean {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return false;
  const record = object as Record<string, unknown>;
  for (const key in record) if (!plan.allowed.has(key)) return false;
  for (const property of plan.properties) {
    const value = record[property.name];
    if (!property.conditions.every((condition) => condition(record, value))) continue;
    for (const check of property.checks) {
      if (check.validateIf && !check.validateIf(record, value)) continue;
      const args = { targetName: '', property: check.property, object: record, value, constraints: check.constraints };
      if (check.each && Array.isArray(value)) {
        for (const item of value) if (check.validate(item, args) !== true) return false;
      } else if (check.validate(value, args) !== true) return false;
    }
    if (property.nested && value !== undefined) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) if (!passes(property.nested, item)) return false;
    }
  }
  return true;
}

function planOf(metatype: Constructor): ClassPlan | null {
  if (plans.has(metatype)) return plans.get(metatype) ?? null;
  // a class that nests itself is left to class-validator
  if (building.has(metatype)) return null;
  building.add(metatype);
  let plan: ClassPlan | null = null;
  try {
    plan = buildPlan(metatype);
  } finally {
    building.delete(metatype);
  }
  plans.set(metatype, plan);
  return plan;
}

function buildPlan(metatype: Constructor): ClassPlan | null {
  const declared = declaredFields(metatype);
  if (!declared || defaultMetadataStorage.getStrategy(metatype) !== 'none' || defaultMetadataStorage.getExposedMetadatas(metatype).length || defaultMetadataStorage.getExcludedMetadatas(metatype).length) return null;
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(metatype as never, '', false, false, undefined);
  if (metadatas.length === 0) return null;
  const byProperty = storage.groupByPropertyName(metadatas);
  // a declared field without rules is on every instance, and so refused by the whitelist
  if (declared.some((field) => !byProperty[field])) return null;
  const properties: PropertyPlan[] = [];
  for (const [name, list] of Object.entries(byProperty)) {
    if (defaultMetadataStorage.findTransformMetadatas(metatype, name, 1 /* PLAIN_TO_CLASS */).length) return null;
    // @Type without @ValidateNested converts the value (to Number, Date …): class-transformer's part
    if (defaultMetadataStorage.findTypeMetadata(metatype, name) && !list.some((m) => m.type === ValidationTypes.NESTED_VALIDATION)) return null;
    const property: PropertyPlan = { name, conditions: [], checks: [], nested: null };
    for (const metadata of list) {
      if (metadata.groups?.length || metadata.always || metadata.context) return null;
      switch (metadata.type) {
        case ValidationTypes.WHITELIST:
          break;
        case ValidationTypes.CONDITIONAL_VALIDATION:
          property.conditions.push(metadata.constraints[0] as PropertyPlan['conditions'][number]);
          break;
        case ValidationTypes.CUSTOM_VALIDATION:
          for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
            if (constraint.async) return null;
            const instance = constraint.instance as { validate: PropertyPlan['checks'][number]['validate'] };
            property.checks.push({ each: metadata.each, validateIf: metadata.validateIf, constraints: metadata.constraints, property: name, validate: instance.validate.bind(instance) });
          }
          break;
        case ValidationTypes.NESTED_VALIDATION: {
          const type = defaultMetadataStorage.findTypeMetadata(metatype, name);
          const nestedType = type && !type.options?.discriminator ? (type.typeFunction() as Constructor | undefined) : undefined;
          const nested = nestedType ? planOf(nestedType) : null;
          if (!nested) return null;
          property.nested = nested;
          break;
        }
        default:
          // IS_DEFINED, promise validation: class-validator's own handling
          return null;
      }
    }
    properties.push(property);
  }
  return { properties, allowed: new Set(Object.keys(byProperty)) };
}

/**
 * The fields every instance has (declared class fields), or null when one has a default value:
 * class-transformer's `new` would set it, so such a class keeps that path.
 */
function declaredFields(metatype: Constructor): string[] | null {
  try {
    const instance = new (metatype as unknown as new () => Record<string, unknown>)();
    return Object.values(instance).every((v) => v === undefined) ? Object.keys(instance) : null;
  } catch {
    return null;
  }
}
