import { ApiProperty } from '@nestjs/swagger';
import { DEPOSIT_TYPES, DepositType } from '@ree/shared-kernel';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCountryCode } from '@ree/platform/http';

export class RegisterMineRequestDto {
  @ApiProperty({ example: 'Bayan Obo East' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Baotou Steel Rare-Earth Hi-Tech Co., Ltd.' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  operator: string;

  @ApiProperty({ example: 'Inner Mongolia' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  region: string;

  @ApiProperty({ example: 'CN', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country: string;

  @ApiProperty({ example: 'C1500002011071120113924' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  miningLicenceNo: string;

  @ApiProperty()
  @IsIn(DEPOSIT_TYPES)
  depositType: DepositType;
}
