import { ApiProperty } from '@nestjs/swagger';

export class ClassificationEntryResponseDto {
  @ApiProperty({ example: '1C905.b' }) controlCode: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'MOFCOM/GACC Announcement No. 18 of 2025', description: 'The announcement that worded the entry' }) announcement: string;
  @ApiProperty({ example: '2025-04-04' }) effectiveOn: string;
  @ApiProperty() textUrl: string;
}

export class ClassificationResponseDto {
  @ApiProperty({ example: '2026-01-15', description: 'The day whose list was applied' }) on: string;
  @ApiProperty({ description: 'Whether the list in force that day names the item (by element and product form)' }) controlled: boolean;
  @ApiProperty({ type: String, nullable: true, example: '1C905.b', description: 'The first matching entry’s code' }) controlCode: string | null;
  @ApiProperty({ description: 'By the list alone: true exactly when controlled (the catch-all is not assessed by this query)' }) licenceRequired: boolean;
  @ApiProperty({ type: [String], description: 'In words: the entries that list the item, or that none does; and that the catch-all is not assessed' }) reasons: string[];
  @ApiProperty({ type: [ClassificationEntryResponseDto] }) entries: ClassificationEntryResponseDto[];
  @ApiProperty({ description: 'false for a controlled item whose HS code none of its entries names (HS_CODE_MISMATCH)' }) hsCodeMatches: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The control-list projection's checkpoint the list was read at" }) listPosition: string | null;
}
