import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { RESTRICTED_LIST_READERS } from '../readers';
import { ListRestrictedListsQuery } from './list-restricted-lists.query';
import { RestrictedListsResponseDto } from './restricted-list.response.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('restricted-lists')
export class ListRestrictedListsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...RESTRICTED_LIST_READERS)
  @ApiOperation({ summary: 'The restricted lists with their consequences: the reference lists first, then those officers defined' })
  @ApiOkResponse({ type: RestrictedListsResponseDto })
  listRestrictedLists(): Promise<RestrictedListsResponseDto> {
    return this.queryBus.execute<ListRestrictedListsQuery, RestrictedListsResponseDto>(new ListRestrictedListsQuery());
  }
}
