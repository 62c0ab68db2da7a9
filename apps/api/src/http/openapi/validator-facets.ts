import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { COUNTRY_CODES } from '@ree/shared-kernel';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Facets = Record<string, unknown>;

/** A decimal place count as the multiple a number must be of: 3 → 0.001. */
const multipleOfPlaces = (places: number): number => Number(`1e-${places}`);

/**
 * What each validator promises about a value, as JSON Schema facets: class-validator's own by
 * their names, this repository's (libs/platform/src/http/validators.ts and the contexts' own) by
 * theirs. The numbers come from each decorator's constraints, so the document says what the
 * validators enforce and cannot drift from them. A validator missing here adds nothing.
 */
const FACETS: Readonly<Record<string, (constraints: readonly unknown[]) => Facets>> = {
  isString: () => ({ type: 'string' }),
  isBoolean: () => ({ type: 'boolean' }),
  isInt: () => ({ type: 'integer' }),
  isNumber: ([options]) => {
    const places = (options as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces;
    return { type: 'number', ...(places !== undefined && { multipleOf: multipleOfPlaces(places) }) };
  },
  isUuid: () => ({ type: 'string', format: 'uuid' }),
  isIso8601: () => ({ type: 'string', format: 'date-time' }),
  isDateString: () => ({ type: 'string', format: 'date-time' }),
  isNotEmpty: () => ({ minLength: 1 }),
  minLength: ([min]) => ({ minLength: min }),
  maxLength: ([max]) => ({ maxLength: max }),
  isLength: ([min, max]) => ({ minLength: min, ...(max !== undefined && { maxLength: max }) }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  isPositive: () => ({ minimum: 0, exclusiveMinimum: true }),
  isIn: ([values]) => ({ enum: [...(values as unknown[])] }),
  matches: ([pattern]) => ({ pattern: pattern instanceof RegExp ? pattern.source : String(pattern) }),
  arrayMinSize: ([min]) => ({ minItems: min }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
  arrayNotEmpty: () => ({ minItems: 1 }),
  isCountryCode: () => ({ type: 'string', enum: [...COUNTRY_CODES], enumName: 'CountryCode' }),
  isPositiveKilograms: () => ({ type: 'number', minimum: 0, exclusiveMinimum: true, multipleOf: multipleOfPlaces(3) }),
  isCalendarDay: () => ({ type: 'string', format: 'date' }),
  isInstant: () => ({ type: 'string', format: 'date-time' }),
};


/**
 * Writes what every class-validator decorator of every class enforces into the class's
 * `@ApiProperty` metadata, before @nestjs/swagger reads it: formats, lengths, bounds, patterns,
 * enums, item counts (facets of `{ each: true }` go to the array's items), and `@IsOptional()` as
 * not required. The validator wins where `@ApiProperty` says otherwise. Idempotent.
 */
export function applyValidatorFacets(): void {
  for (const [target, metadatas] of validationMetadatas()) {
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const metadata of metadatas) byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
    for (const [property, list] of byProperty) {
      const options = propertyOptions(list);
      if (options) ApiProperty(options)(target.prototype as object, property);
    }
  }
}

function propertyOptions(metadatas: readonly ValidationMetadata[]): ApiPropertyOptions | undefined {
  const own: Facets = {};
  const items: Facets = {};
  let optional = false;
  for (const metadata of metadatas) {
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION && metadata.name === 'isOptional') optional = true;
    const facets = metadata.name ? FACETS[metadata.name]?.(metadata.constraints ?? []) : undefined;
    if (facets) Object.assign(metadata.each ? items : own, facets);
  }
  // `isNotEmpty` is a length only for a string; on an object or a number it adds nothing.
  for (const facets of [own, items]) if (facets.type !== 'string') delete facets.minLength;
  const options: Facets = { ...own };
  if (Object.keys(items).length > 0) options.items = items;
  if (optional) options.required = false;
  return Object.keys(options).length > 0 ? (options as ApiPropertyOptions) : undefined;
}

type ValidatedClass = abstract new (...args: never[]) => unknown;

/**
 * Every class's validation metadata. class-validator keeps them in a private map and offers no
 * public way to list the classes; the map is read by name and checked, so an upgrade that moves it
 * fails here, at start-up, instead of documenting no constraint.
 */
function validationMetadatas(): Map<ValidatedClass, ValidationMetadata[]> {
  const storage: object = getMetadataStorage();
  const map: unknown = Reflect.get(storage, 'validationMetadatas');
  if (!(map instanceof Map)) throw new Error('class-validator no longer keeps validationMetadatas as a Map; update applyValidatorFacets');
  return map;
}
