import { Controller, Get, Header, HttpCode, HttpStatus, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '@ree/platform/auth';
import { DEFAULT_LIMIT, PageRequestDto, ParseIdPipe } from '@ree/platform/http';
import type { Request, Response } from 'express';
import type { Anchor } from '../anchor';
import type { AnchorKeyring } from '../anchor-keyring';
import { ANCHOR_KEYRING } from '../anchor.providers';
import { AnchorTaker } from '../anchor-taker';
import type { EventProof } from '../event-proof';
import type { AnchorCheck } from '../check/anchor-check';
import { CheckAnchorQuery, GetAnchorQuery, GetEventProofQuery, ListAnchorsQuery } from '../queries/anchor.queries';
import { ANCHOR_CHECKERS, ANCHOR_READERS, ANCHOR_TAKERS, PROOF_READERS } from './anchor-access';
import { AnchorCheckResponseDto, PublishedKeysResponseDto } from './anchor-check.response.dto';
import { AnchorPageResponseDto, AnchorResponseDto } from './anchor.response.dto';
import { EventProofResponseDto } from './event-proof.response.dto';

/**
 * Signed anchors and inclusion proofs (docs/api.md, "Audit"). `latest` is declared before `:anchorId`
 * so that Express matches it first.
 */
@ApiTags('audit')
@Controller('audit')
export class AnchorsHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly taker: AnchorTaker,
    @Inject(ANCHOR_KEYRING) private readonly keyring: AnchorKeyring,
  ) {}

  @Get('public-key')
  @Public()
  @Header('Content-Type', 'application/x-pem-file; charset=utf-8')
  @ApiProduces('application/x-pem-file')
  @ApiOperation({
    summary: 'The current Ed25519 public key (PEM, SubjectPublicKeyInfo) that verifies new anchors; no token needed. Older anchors: GET /audit/keys',
  })
  @ApiOkResponse({ schema: { type: 'string', example: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n' } })
  publicKey(): string {
    return this.keyring.signing.publicKeyPem;
  }

  @Get('keys')
  @Public()
  @ApiOperation({ summary: 'Every public key that verifies anchors, with the interval in which it signed them; no token needed' })
  @ApiOkResponse({ type: PublishedKeysResponseDto })
  keys(): PublishedKeysResponseDto {
    return { keys: this.keyring.keys.map(({ keyId, publicKeyPem, validFrom, validUntil, current }) => ({ keyId, publicKeyPem, validFrom, validUntil, current })) };
  }

  @Post('anchors')
  @Roles(...ANCHOR_TAKERS)
  @HttpCode(HttpStatus.CREATED)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Takes an anchor now (as the scheduled job does) and answers it; Location names it' })
  @ApiCreatedResponse({ type: AnchorResponseDto })
  async takeAnchor(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AnchorResponseDto> {
    const anchor = await this.taker.take();
    response.setHeader('Location', `${request.originalUrl.split('?')[0].replace(/\/+$/, '')}/${anchor.id}`);
    return anchor;
  }

  @Get('anchors')
  @Roles(...ANCHOR_READERS)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Signed anchors, newest first' })
  @ApiOkResponse({ type: AnchorPageResponseDto })
  listAnchors(@Query() request: PageRequestDto): Promise<AnchorPageResponseDto> {
    return this.queryBus.execute<ListAnchorsQuery, AnchorPageResponseDto>(new ListAnchorsQuery(request.limit ?? DEFAULT_LIMIT, request.cursor));
  }

  @Get('anchors/latest')
  @Roles(...ANCHOR_READERS)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The latest signed anchor' })
  @ApiOkResponse({ type: AnchorResponseDto })
  @ApiNotFoundResponse({ description: 'No anchor has been taken yet' })
  latestAnchor(): Promise<AnchorResponseDto> {
    return this.queryBus.execute<GetAnchorQuery, Anchor>(new GetAnchorQuery('latest'));
  }

  @Get('anchors/:anchorId')
  @Roles(...ANCHOR_READERS)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One signed anchor' })
  @ApiOkResponse({ type: AnchorResponseDto })
  @ApiNotFoundResponse({ description: 'No such anchor' })
  anchor(@Param('anchorId', ParseIdPipe) anchorId: string): Promise<AnchorResponseDto> {
    return this.queryBus.execute<GetAnchorQuery, Anchor>(new GetAnchorQuery(anchorId));
  }

  @Post('anchors/:anchorId/check')
  @Roles(...ANCHOR_CHECKERS)
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Checks the anchor against the store as it is now: signature, leaves, every anchored stream head and chain, and the global log; names the stream and revision of each finding. Reads every event up to the anchor',
  })
  @ApiOkResponse({ type: AnchorCheckResponseDto, description: 'Checked: `consistent` false when anything was found' })
  @ApiNotFoundResponse({ description: 'No such anchor' })
  checkAnchor(@Param('anchorId', ParseIdPipe) anchorId: string): Promise<AnchorCheckResponseDto> {
    return this.queryBus.execute<CheckAnchorQuery, AnchorCheck>(new CheckAnchorQuery(anchorId)) as Promise<AnchorCheckResponseDto>;
  }

  @Get('events/:eventId/proof')
  @Roles(...PROOF_READERS)
  @ApiBearerAuth()
  @ApiOperation({
    summary: "A Merkle inclusion proof of the event's stream head against the latest anchor, verifiable offline with the public key",
  })
  @ApiOkResponse({ type: EventProofResponseDto })
  @ApiNotFoundResponse({ description: 'No such event, or no anchor covers it yet (it is newer than the latest)' })
  eventProof(@Param('eventId', ParseIdPipe) eventId: string): Promise<EventProofResponseDto> {
    return this.queryBus.execute<GetEventProofQuery, EventProof>(new GetEventProofQuery(eventId)) as Promise<EventProofResponseDto>;
  }
}
