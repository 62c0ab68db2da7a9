import { ApiProperty } from '@nestjs/swagger';

export class HorizonHolderResponseDto {
  @ApiProperty({ description: 'The backend process id: `SELECT pg_terminate_backend(pid)` ends its session' }) pid: number;
  @ApiProperty({ type: String, nullable: true, description: 'The database of its session: any database of the cluster, not only the event store’s' })
  database: string | null;
  @ApiProperty({ example: 'psql', description: 'application_name of its session (the product’s are ree-api, ree-worker, ree-migrate…)' }) applicationName: string;
  @ApiProperty({ type: String, nullable: true }) user: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'idle in transaction' }) state: string | null;
  @ApiProperty({ description: 'How long its transaction has been open' }) transactionAgeMs: number;
}

export class HorizonResponseDto {
  @ApiProperty({ description: 'False for an event store without a readable horizon; the other fields are then absent' }) applicable: boolean;
  @ApiProperty({ type: String, nullable: true, required: false, description: 'Position of the newest committed event' }) committedHead?: string | null;
  @ApiProperty({ type: String, nullable: true, required: false, description: 'Position of the newest event readers can see' }) readableHead?: string | null;
  @ApiProperty({ required: false, description: 'Committed events no reader can see yet, counted up to 10,000' }) lagEvents?: number;
  @ApiProperty({ required: false }) lagEventsCapped?: boolean;
  @ApiProperty({ required: false, description: 'Age of the oldest committed event no reader can see yet; 0 when none waits' }) lagMs?: number;
  @ApiProperty({ type: HorizonHolderResponseDto, nullable: true, required: false, description: 'The oldest open transaction of the cluster, holding the horizon back; null when nothing waits' })
  holder?: HorizonHolderResponseDto | null;
}
