import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@ree/platform/http';
import { findForbiddenKey } from './forbidden-keys';

/** A 400 `validation-failed` naming every failing field. */
export class ValidationFailed extends BadRequestException {
  constructor(readonly errors: readonly FieldError[]) {
    super({ code: 'validation-failed', detail: 'The request is invalid; see errors for each field', errors });
  }
}

/** A 400 for a body or query holding `__proto__`, `constructor` or `prototype`. */
export function forbiddenKeyFailure(field: string): ValidationFailed {
  return new ValidationFailed([{ field, message: `${field} is a forbidden property name` }]);
}

/** Every constraint that failed, with nested paths such as `consignee.country` or `items[0].kg`. */
export function fieldErrorsOf(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/**
 * The global ValidationPipe: unknown properties are refused rather than dropped (a misspelt field
 * must not pass silently), DTOs are real class instances, and prototype-polluting keys are refused
 * before class-transformer copies anything.
 */
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new ValidationFailed(fieldErrorsOf(errors)),
    });
  }

  override async transform(value: unknown, metadata: Parameters<ValidationPipe['transform']>[1]): Promise<unknown> {
    const forbidden = findForbiddenKey(value);
    if (forbidden) throw forbiddenKeyFailure(forbidden);
    return super.transform(value, metadata);
  }
}
