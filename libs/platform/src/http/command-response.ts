import { ApiProperty } from '@nestjs/swagger';

/** Every command answers (docs/http-conventions.md, "Commands") the aggregate id, its stream revision and the global position. */
export class CommandResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The stream revision after the write (0-based)' }) revision: number;
  @ApiProperty({ description: 'The global position of the write, as a string; send it as X-Min-Position to read your writes' })
  position: string;

  static of(id: string, result: { revision: number | null; position: string | null }): CommandResponse {
    return Object.assign(new CommandResponse(), { id, revision: result.revision ?? -1, position: result.position ?? '0' });
  }
}
