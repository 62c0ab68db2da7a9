import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { ControlAnnouncementState } from '../../control-list/control-announcement.state';
import type { ControlChange } from '../../control-list/control-list.state';
import { newIdFor } from '../command-options';
import { ProposeControlAnnouncementCommand } from './propose-control-announcement.command';
import { ControlChangeRequestDto, ProposeControlAnnouncementRequestDto } from './propose-control-announcement.request.dto';

/** The validated body's change as the domain's union (the DTO has checked that each kind carries its fields). */
function changeOf(change: ControlChangeRequestDto): ControlChange {
  const target = () => (change.target!.announcement !== undefined ? { announcement: change.target!.announcement } : { controlCode: change.target!.controlCode! });
  switch (change.kind) {
    case 'add':
    case 'amend': {
      const { controlCode, description, elements, productForms, referenceHsCodes } = change.entry!;
      return { kind: change.kind, entry: { controlCode, description, elements: [...elements], productForms: [...productForms], referenceHsCodes: [...referenceHsCodes] } };
    }
    case 'remove':
      return { kind: 'remove', controlCode: change.controlCode! };
    case 'suspend':
      return { kind: 'suspend', target: target(), from: change.from!, until: change.until! };
    case 'lift':
      return { kind: 'lift', target: target(), on: change.on! };
  }
}

@ApiTags('control list')
@ApiBearerAuth()
@Controller('control-list/announcements')
export class ProposeControlAnnouncementHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('licensing-officer')
  @ApiOperation({
    summary: 'Propose a published control-list announcement (ControlAnnouncementProposed); it counts once another officer adopts it',
    description:
      'Refused with 422 announcement-dates-invalid (in effect before it was published), suspension-period-invalid (from after until), ' +
      'control-code-repeated, or announcement-number-taken (the number is adopted already).',
  })
  @ApiCreatedResponse({ type: CommandResponse, description: 'Location: the new announcement' })
  async propose(@Body() body: ProposeControlAnnouncementRequestDto, @Ctx() ctx: CommandContext): Promise<CommandResponse> {
    const announcementId = newIdFor(ctx, 'control-announcement');
    const { number, issuer, publishedOn, effectiveOn, textUrl, changes, note, citation } = body;
    const result = await this.commandBus.execute<ProposeControlAnnouncementCommand, CommandResult<ControlAnnouncementState>>(
      new ProposeControlAnnouncementCommand(announcementId, { number, issuer, publishedOn, effectiveOn, textUrl, changes: changes.map(changeOf) }, note ?? null, citation ?? null, ctx),
    );
    return CommandResponse.of(announcementId, result);
  }
}
