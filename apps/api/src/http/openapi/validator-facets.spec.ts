import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDay, IsCountryCode, IsPositiveKilograms } from '@ree/platform/http';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { applyValidatorFacets } from './validator-facets';

class ShipmentLike {
  @ApiProperty({ example: 'CNTSN', description: 'UN/LOCODE' })
  @IsString() @IsNotEmpty() @MaxLength(5) @Matches(/^[A-Z]{5}$/)
  port: string;

  @ApiProperty({ enum: ['a'], minimum: 7 })
  @IsIn(['conforming', 'discrepancy'])
  result: string;

  @ApiProperty({ example: 12.5 })
  @IsPositiveKilograms()
  kg: number;

  @ApiProperty()
  @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(50, { each: true })
  sealNos: string[];

  @ApiPropertyOptional({ default: '' })
  @IsOptional() @IsString() @MaxLength(4000)
  notes?: string;

  @IsUUID() licenceId: string;
  @IsCountryCode() country: string;
  @IsCalendarDay() day: string;
  @IsInt() @Min(1) @Max(200) limit: number;
  @IsNotEmpty() payload: object;
}

/** Where @nestjs/swagger keeps a property's @ApiProperty options. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

const facetsOf = (property: keyof ShipmentLike): Record<string, unknown> =>
  Reflect.getMetadata(API_MODEL_PROPERTIES, ShipmentLike.prototype, property);

describe('the schema facets taken from the validators', () => {
  beforeAll(() => applyValidatorFacets());

  it('keeps what @ApiProperty says and adds what the validators enforce', () => {
    expect(facetsOf('port')).toEqual(expect.objectContaining({ example: 'CNTSN', description: 'UN/LOCODE', type: 'string', minLength: 1, maxLength: 5, pattern: '^[A-Z]{5}$' }));
  });

  it('lets the validator win over a facet @ApiProperty repeats', () => {
    expect(facetsOf('result')).toEqual(expect.objectContaining({ enum: ['conforming', 'discrepancy'], minimum: 7 }));
  });

  it('maps the repository validators: kilograms to the gram, country codes, calendar days', () => {
    expect(facetsOf('kg')).toEqual(expect.objectContaining({ type: 'number', minimum: 0, exclusiveMinimum: true, multipleOf: 0.001 }));
    expect(facetsOf('country')).toEqual(expect.objectContaining({ enumName: 'CountryCode', enum: expect.arrayContaining(['DE', 'CN', 'US']) }));
    expect((facetsOf('country').enum as string[]).length).toBeGreaterThan(240);
    expect(facetsOf('day')).toEqual(expect.objectContaining({ type: 'string', format: 'date' }));
  });

  it('puts the facets of { each: true } on the items, the array counts on the array', () => {
    expect(facetsOf('sealNos')).toEqual(expect.objectContaining({ maxItems: 500, items: { type: 'string', minLength: 1, maxLength: 50 } }));
  });

  it('makes an @IsOptional() field not required', () => {
    expect(facetsOf('notes')).toEqual(expect.objectContaining({ required: false, maxLength: 4000 }));
  });

  it('describes a validated property @ApiProperty forgot: uuid, integers with bounds; no length on a non-string', () => {
    expect(facetsOf('licenceId')).toEqual(expect.objectContaining({ type: 'string', format: 'uuid' }));
    expect(facetsOf('limit')).toEqual(expect.objectContaining({ type: 'integer', minimum: 1, maximum: 200 }));
    expect(facetsOf('payload') ?? {}).not.toHaveProperty('minLength');
  });
});
