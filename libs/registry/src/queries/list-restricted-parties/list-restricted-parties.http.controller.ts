import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { DEFAULT_LIMIT } from '@ree/platform/http';
import { RESTRICTED_LIST_READERS } from '../readers';
import { ListRestrictedPartiesQuery } from './list-restricted-parties.query';
import { ListRestrictedPartiesRequestDto } from './list-restricted-parties.request.dto';
import { RestrictedPartyPageResponseDto } from './restricted-party.response.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('restricted-parties')
export class ListRestrictedPartiesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...RESTRICTED_LIST_READERS)
  @ApiOperation({ summary: 'The restricted list (listed and delisted parties), by name or, with query, by resemblance' })
  @ApiOkResponse({ type: RestrictedPartyPageResponseDto })
  listRestrictedParties(@Query() request: ListRestrictedPartiesRequestDto): Promise<RestrictedPartyPageResponseDto> {
    const { limit = DEFAULT_LIMIT, query, country, cursor } = request;
    return this.queryBus.execute<ListRestrictedPartiesQuery, RestrictedPartyPageResponseDto>(
      new ListRestrictedPartiesQuery(limit, query, country, cursor),
    );
  }
}
