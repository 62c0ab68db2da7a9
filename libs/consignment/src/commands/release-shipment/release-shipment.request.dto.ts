import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDay } from '@ree/platform/http';

export class ReleaseShipmentRequestDto {
  @ApiProperty({ example: '2025-03-03' })
  @IsCalendarDay()
  releasedOn: string;
}
