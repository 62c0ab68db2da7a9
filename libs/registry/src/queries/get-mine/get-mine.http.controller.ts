import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { ParseIdPipe } from '@ree/platform/http';
import { MINE_READERS } from '../readers';
import { GetMineQuery } from './get-mine.query';
import { MineResponseDto } from './mine.response.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('mines')
export class GetMineHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':mineId')
  @Roles(...MINE_READERS)
  @ApiOperation({ summary: 'A mine with its quotas per year and category: allocated, drawn, remaining' })
  @ApiOkResponse({ type: MineResponseDto })
  @ApiNotFoundResponse()
  getMine(@Param('mineId', ParseIdPipe) mineId: string): Promise<MineResponseDto> {
    return this.queryBus.execute<GetMineQuery, MineResponseDto>(new GetMineQuery(mineId));
  }
}
