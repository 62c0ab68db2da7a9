import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { Ctx, DEFAULT_LIMIT } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { REVIEW_READERS } from '../readers';
import { FlagPageResponseDto } from './flag.response.dto';
import { ListFlagsQuery } from './list-flags.query';
import { ListFlagsRequestDto } from './list-flags.request.dto';

@ApiTags('review')
@ApiBearerAuth()
@Controller('flags')
export class ListFlagsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...REVIEW_READERS)
  @ApiOperation({ summary: 'Red flags across consignments, newest raised first: open ones unless open=false; an exporter sees only its own' })
  @ApiOkResponse({ type: FlagPageResponseDto })
  listFlags(@Query() request: ListFlagsRequestDto, @Ctx() ctx: CommandContext): Promise<FlagPageResponseDto> {
    const { code, severity, open = 'true', limit = DEFAULT_LIMIT, cursor } = request;
    return this.queryBus.execute<ListFlagsQuery, FlagPageResponseDto>(
      new ListFlagsQuery({ code, severity, open: open === 'true' }, ctx.actor, limit, cursor),
    );
  }
}
