import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Queue names as the product names them, `<context>.<purpose>`. */
export const QUEUE_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Job ids: event ids, and the anchors' `start-…` and `repeat:…:<time>`. */
export const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$/;

function invalid(field: string, message: string): BadRequestException {
  return new BadRequestException({ code: 'validation-failed', detail: `${field} ${message}`, errors: [{ field, message: `${field} ${message}` }] });
}

/** A queue's name in a path; anything else is a 400 naming `queue`. */
@Injectable()
export class QueueNamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (QUEUE_NAME.test(value)) return value;
    throw invalid('queue', 'must be 1 to 100 lowercase letters, digits, ".", "_" or "-"');
  }
}

/** A job id in a path; anything else is a 400 naming `jobId`. */
@Injectable()
export class JobIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (JOB_ID.test(value)) return value;
    throw invalid('jobId', 'must be 1 to 200 letters, digits, ":", ".", "_" or "-"');
  }
}
