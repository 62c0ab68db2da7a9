import { isCountryCode, isKilograms } from '@ree/shared-kernel';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** ISO 3166-1 alpha-2, from the one list in reference-data.ts. */
export const IsCountryCode = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value) => isCountryCode(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO 3166-1 alpha-2 country code`,
      },
    },
    options,
  );

/** A positive number of kilograms, exact to the gram (at most three decimals). */
export const IsPositiveKilograms = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPositiveKilograms',
      validator: {
        validate: (value) => isKilograms(value) && value > 0,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a positive number of kilograms with at most three decimals`,
      },
    },
    options,
  );

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar date written YYYY-MM-DD (DOMAIN.md's `…On` fields), and a real one: no 2025-02-30. */
export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => typeof value === 'string' && DATE.test(value) && isRealDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date written YYYY-MM-DD`,
      },
    },
    options,
  );

/**
 * A quota year that is the year of the body's `extractedOn`: material counts against the quota
 * of the year it was mined, so that an exporter cannot shift extraction into a year with quota left.
 */
export const IsExtractionYear = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isExtractionYear',
      validator: {
        validate: (value, args) => {
          const extractedOn = (args?.object as { extractedOn?: unknown } | undefined)?.extractedOn;
          return typeof extractedOn !== 'string' || !DATE.test(extractedOn) || Number(extractedOn.slice(0, 4)) === value;
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must be the year of extractedOn`,
      },
    },
    options,
  );
