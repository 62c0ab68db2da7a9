import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { LICENCE_READERS } from '../readers';
import { GetLicenceQuery } from './get-licence.query';
import { LicenceResponseDto } from './licence.response.dto';

@ApiTags('licences')
@ApiBearerAuth()
@Controller('licences')
export class GetLicenceHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':licenceId')
  @Roles(...LICENCE_READERS)
  @ApiOperation({ summary: 'A licence: status, validity, items, issued, allocated, shipped and remaining quantity, screening, consignments' })
  @ApiOkResponse({ type: LicenceResponseDto })
  @ApiNotFoundResponse({ description: "No such licence, or another organisation's" })
  getLicence(@Param('licenceId', ParseIdPipe) licenceId: string, @Ctx() ctx: CommandContext): Promise<LicenceResponseDto> {
    return this.queryBus.execute<GetLicenceQuery, LicenceResponseDto>(new GetLicenceQuery(licenceId, ctx.actor));
  }
}
