import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/**
 * A path id must be a UUID (ids are made by the server). A malformed one is a 400 like any other
 * invalid input: `validation-failed`, naming the parameter in `errors`.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    const message = `${field} must be a UUID`;
    throw new BadRequestException({ code: 'validation-failed', detail: message, errors: [{ field, message }] });
  }
}
