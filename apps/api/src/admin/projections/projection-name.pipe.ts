import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { PROJECTION_NAME } from './projection-status';

/**
 * A projection's name in a path: letters, digits, `.`, `_` and `-` (a blue/green copy's
 * `…@rebuild` checkpoint is not a projection of its own). Anything else is a 400 naming `name`;
 * a well-formed name of no projection is a 404, answered by the handler.
 */
@Injectable()
export class ProjectionNamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (PROJECTION_NAME.test(value)) return value;
    const message = 'name must be 1 to 200 letters, digits, ".", "_" or "-"';
    throw new BadRequestException({ code: 'validation-failed', detail: message, errors: [{ field: 'name', message }] });
  }
}
