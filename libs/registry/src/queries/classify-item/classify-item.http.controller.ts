import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { todayUtc } from '../control-list-on/control-list-on.query';
import { CONTROL_LIST_READERS } from '../readers';
import { ClassificationResponseDto } from './classification.response.dto';
import { ClassifyItemQuery } from './classify-item.query';
import { ClassifyItemRequestDto } from './classify-item.request.dto';
import type { ItemClassification } from './classify-item.handler';

@ApiTags('control list')
@ApiBearerAuth()
@Controller('classification')
export class ClassifyItemHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...CONTROL_LIST_READERS)
  @ApiOperation({
    summary: 'Whether the control list in force on a day names an item, by which entries and announcements',
    description:
      'Classifies by the list alone. The catch-all (an end user on the Control List or the Watch List or owned 50 % or more by one of their ' +
      'parties, a military end use, a licensing officer’s notice) depends on the end user and end use, which this query does not know: ' +
      'licenceRequired here is the list’s answer, and a reason says so. A consignment is classified with its end user and end use.',
  })
  @ApiOkResponse({ type: ClassificationResponseDto })
  classify(@Query() request: ClassifyItemRequestDto): Promise<ItemClassification> {
    const { element, productForm, hsCode } = request;
    return this.queryBus.execute<ClassifyItemQuery, ItemClassification>(new ClassifyItemQuery({ element, productForm, hsCode }, request.on ?? todayUtc()));
  }
}
