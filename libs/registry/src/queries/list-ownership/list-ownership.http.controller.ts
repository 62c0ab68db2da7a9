import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { DEFAULT_LIMIT } from '@ree/platform/http';
import { RESTRICTED_LIST_READERS } from '../readers';
import { ListOwnershipQuery } from './list-ownership.query';
import { ListOwnershipRequestDto } from './list-ownership.request.dto';
import { OwnershipPageResponseDto } from './ownership.response.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('ownership')
export class ListOwnershipHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...RESTRICTED_LIST_READERS)
  @ApiOperation({ summary: 'The ownership registry: who owns what share of whom, in force or ended' })
  @ApiOkResponse({ type: OwnershipPageResponseDto })
  listOwnership(@Query() request: ListOwnershipRequestDto): Promise<OwnershipPageResponseDto> {
    const { limit = DEFAULT_LIMIT, company, country, status, cursor } = request;
    return this.queryBus.execute<ListOwnershipQuery, OwnershipPageResponseDto>(new ListOwnershipQuery(limit, company, country, status, cursor));
  }
}
