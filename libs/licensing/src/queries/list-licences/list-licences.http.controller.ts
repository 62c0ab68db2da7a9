import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { Ctx, DEFAULT_LIMIT } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { LICENCE_READERS } from '../readers';
import { ListLicencesQuery } from './list-licences.query';
import { ListLicencesRequestDto } from './list-licences.request.dto';
import { LicencePageResponseDto } from './list-licences.response.dto';

@ApiTags('licences')
@ApiBearerAuth()
@Controller('licences')
export class ListLicencesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...LICENCE_READERS)
  @ApiOperation({ summary: 'Licences, newest application first; an exporter sees only its own' })
  @ApiOkResponse({ type: LicencePageResponseDto })
  listLicences(@Query() request: ListLicencesRequestDto, @Ctx() ctx: CommandContext): Promise<LicencePageResponseDto> {
    const { status, exporterOrg, destinationCountry, limit = DEFAULT_LIMIT, cursor } = request;
    return this.queryBus.execute<ListLicencesQuery, LicencePageResponseDto>(
      new ListLicencesQuery({ status, exporterOrg, destinationCountry }, ctx.actor, limit, cursor),
    );
  }
}
