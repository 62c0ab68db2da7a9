/**
 * class-validator decorators for the request DTOs of every bounded context, over the reference
 * data and exact-kilogram rules of @ree/shared-kernel: one definition each, one message each.
 */
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

/**
 * A share in percent, 0.01 to 100 with at most two decimals (an ownership fact). Checked here rather than with
 * `IsNumber({ maxDecimalPlaces })`, which throws on a number JavaScript writes in exponent form (`5e-324`).
 */
export const IsSharePercent = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isSharePercent',
      validator: {
        validate: (value) =>
          typeof value === 'number' && Number.isFinite(value) && value >= 0.01 && value <= 100 && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a percentage from 0.01 to 100 with at most two decimals`,
      },
    },
    options,
  );

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (the `…On` fields of docs/http-conventions.md, "Ids, dates and lists"; 2025-02-30 is refused). */
export const IsCalendarDay = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value) => {
          if (typeof value !== 'string' || !CALENDAR_DAY.test(value)) return false;
          const day = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a calendar day, YYYY-MM-DD`,
      },
    },
    options,
  );

/** A day on or after the day in another field of the same body. */
export const IsNotBefore = (field: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isNotBefore',
      constraints: [field],
      validator: {
        validate: (value, args) => {
          const other = (args?.object as Record<string, unknown>)[field];
          return typeof value === 'string' && (typeof other !== 'string' || value >= other);
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be before ${field}`,
      },
    },
    options,
  );
