import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDay } from '@ree/platform/http';
import { PRODUCT_ELEMENTS, PRODUCT_FORMS, type ProductElement, type ProductForm } from '@ree/shared-kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CHANGE_KINDS, CONTROL_CODE, HS_CODE_PATTERN } from '../../control-list/formats';


export class ControlEntryRequestDto {
  @ApiProperty({ example: '1C905.b', pattern: CONTROL_CODE.source })
  @IsString() @Matches(CONTROL_CODE, { message: 'controlCode must be an export-control code such as 1C902 or 1C902.a' })
  controlCode: string;

  @ApiProperty({ example: 'Dysprosium oxide and its mixtures' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  description: string;

  @ApiProperty({ enum: PRODUCT_ELEMENTS, isArray: true, description: 'The elements the entry names; none for technologies' })
  @IsArray() @ArrayMaxSize(PRODUCT_ELEMENTS.length) @IsIn(PRODUCT_ELEMENTS, { each: true })
  elements: ProductElement[];

  @ApiProperty({ enum: PRODUCT_FORMS, isArray: true, description: 'The product forms the entry names; none for technologies' })
  @IsArray() @ArrayMaxSize(PRODUCT_FORMS.length) @IsIn(PRODUCT_FORMS, { each: true })
  productForms: ProductForm[];

  @ApiProperty({ type: [String], example: ['2846901993', '2846.90'], description: 'As published: digits, dots allowed' })
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Matches(HS_CODE_PATTERN, { each: true, message: 'each referenceHsCodes must be digits, dots allowed (2846.90)' })
  referenceHsCodes: string[];
}

export class ControlTargetRequestDto {
  @ApiPropertyOptional({ example: 'MOFCOM/GACC Announcement No. 57 of 2025', description: 'Every entry this announcement added or amended' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  announcement?: string;

  @ApiPropertyOptional({ example: '1C909.b', description: 'One control code' })
  @IsOptional() @IsString() @Matches(CONTROL_CODE, { message: 'controlCode must be an export-control code such as 1C902 or 1C902.a' })
  controlCode?: string;
}

/** Exactly one of `announcement` and `controlCode`. */
const IsOneTarget = () =>
  ValidateBy({
    name: 'isOneTarget',
    validator: {
      validate: (value) => {
        if (typeof value !== 'object' || value === null) return false;
        const { announcement, controlCode } = value as ControlTargetRequestDto;
        return (announcement === undefined) !== (controlCode === undefined);
      },
      defaultMessage: (args) => `${args?.property ?? 'target'} must name exactly one of announcement and controlCode`,
    },
  });

const kindIs = (...kinds: string[]) => (change: ControlChangeRequestDto) => kinds.includes(change.kind);

/** One change: `add`/`amend` carry `entry`; `remove` a `controlCode`; `suspend` a `target`, `from` and `until`; `lift` a `target` and `on`. */
export class ControlChangeRequestDto {
  @ApiProperty({ enum: CHANGE_KINDS })
  @IsIn(CHANGE_KINDS)
  kind: (typeof CHANGE_KINDS)[number];

  @ApiPropertyOptional({ type: ControlEntryRequestDto, description: 'add, amend' })
  @ValidateIf(kindIs('add', 'amend')) @ValidateNested() @Type(() => ControlEntryRequestDto)
  entry?: ControlEntryRequestDto;

  @ApiPropertyOptional({ example: '1C902.c', description: 'remove' })
  @ValidateIf(kindIs('remove')) @IsString() @Matches(CONTROL_CODE, { message: 'controlCode must be an export-control code such as 1C902 or 1C902.a' })
  controlCode?: string;

  @ApiPropertyOptional({ type: ControlTargetRequestDto, description: 'suspend, lift: exactly one of announcement and controlCode' })
  @ValidateIf(kindIs('suspend', 'lift')) @IsOneTarget() @ValidateNested() @Type(() => ControlTargetRequestDto)
  target?: ControlTargetRequestDto;

  @ApiPropertyOptional({ example: '2025-11-07', description: 'suspend: the first day suspended' })
  @ValidateIf(kindIs('suspend')) @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-10', description: 'suspend: the last day suspended (inclusive)' })
  @ValidateIf(kindIs('suspend')) @IsCalendarDay()
  until?: string;

  @ApiPropertyOptional({ example: '2026-06-01', description: 'lift: the day the suspension ends' })
  @ValidateIf(kindIs('lift')) @IsCalendarDay()
  on?: string;
}

export class ProposeControlAnnouncementRequestDto {
  @ApiProperty({ example: 'MOFCOM/GACC Announcement No. 18 of 2025', description: 'As published; suspensions name announcements by it' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  number: string;

  @ApiProperty({ example: 'Ministry of Commerce (MOFCOM) and General Administration of Customs (GACC)' })
  @IsString() @IsNotEmpty() @MaxLength(300)
  issuer: string;

  @ApiProperty({ example: '2025-04-04' })
  @IsCalendarDay()
  publishedOn: string;

  @ApiProperty({ example: '2025-04-04', description: 'The day its additions, amendments and removals take effect' })
  @IsCalendarDay()
  effectiveOn: string;

  @ApiProperty({ example: 'https://www.mofcom.gov.cn/' })
  @IsString() @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }) @MaxLength(2000)
  textUrl: string;

  @ApiProperty({ type: [ControlChangeRequestDto] })
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ControlChangeRequestDto)
  changes: ControlChangeRequestDto[];

  @ApiPropertyOptional({ description: 'What the entries cannot say (a de minimis rule, a catch-all the text states)' })
  @IsOptional() @IsString() @MaxLength(4000)
  note?: string;

  @ApiPropertyOptional({ description: 'What of the published text was read, and where' })
  @IsOptional() @IsString() @MaxLength(4000)
  citation?: string;
}
