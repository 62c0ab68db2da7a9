import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { ParseIdPipe } from '@ree/platform/http';
import { AUDIT_READERS } from '../../readers';
import { CheckConsignmentIntegrityQuery } from './check-consignment-integrity.query';
import { CheckConsignmentIntegrityRequestDto } from './check-consignment-integrity.request.dto';
import { ConsignmentIntegrityResponseDto } from './check-consignment-integrity.response.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('consignments')
export class CheckConsignmentIntegrityHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/integrity')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Recomputes the hash chain of every stream the consignment touches and names the first broken revision of each' })
  @ApiOkResponse({ type: ConsignmentIntegrityResponseDto })
  @ApiBadRequestResponse({ description: 'A malformed stream, fromRevision or maxCount, or fromRevision without stream' })
  @ApiNotFoundResponse({ description: "No such consignment, or stream is not one of the consignment's" })
  checkIntegrity(@Param('id', ParseIdPipe) id: string, @Query() request: CheckConsignmentIntegrityRequestDto): Promise<ConsignmentIntegrityResponseDto> {
    const { stream, fromRevision, maxCount } = request;
    return this.queryBus.execute<CheckConsignmentIntegrityQuery, ConsignmentIntegrityResponseDto>(
      new CheckConsignmentIntegrityQuery(id, { stream, fromRevision, maxCount }),
    );
  }
}
