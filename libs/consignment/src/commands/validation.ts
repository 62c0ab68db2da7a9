import { ValidateBy, ValidationOptions } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** UN/LOCODE: two letters of the country and three of the place (e.g. CNTSN for Tianjin). */
export const UN_LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;

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
