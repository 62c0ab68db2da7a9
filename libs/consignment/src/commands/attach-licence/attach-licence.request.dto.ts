import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsPositiveKilograms } from '@ree/platform/http';

export class AttachLicenceRequestDto {
  @ApiProperty({ description: "An issued licence of the exporter's own organisation" })
  @IsUUID()
  licenceId: string;

  @ApiPropertyOptional({ example: 12000, description: "Kilograms to allocate, > 0, at most three decimals; the consignment's quantity when absent" })
  @IsOptional() @IsPositiveKilograms()
  kg?: number;
}
