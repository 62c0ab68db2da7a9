import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { DEFAULT_LIMIT, PageRequestDto } from '@ree/platform/http';
import { MINE_READERS } from '../readers';
import { ListMinesQuery } from './list-mines.query';
import { MinePageResponseDto } from './list-mines.response.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('mines')
export class ListMinesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...MINE_READERS)
  @ApiOperation({ summary: 'Registered mines, by name' })
  @ApiOkResponse({ type: MinePageResponseDto })
  listMines(@Query() page: PageRequestDto): Promise<MinePageResponseDto> {
    return this.queryBus.execute<ListMinesQuery, MinePageResponseDto>(new ListMinesQuery(page.limit ?? DEFAULT_LIMIT, page.cursor));
  }
}
