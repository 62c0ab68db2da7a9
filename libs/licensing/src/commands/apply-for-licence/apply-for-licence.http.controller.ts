import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { GeneralLicenceEligibility, LicenceAppliedData, LicenceParty } from '../../licence/licence.events';
import type { LicenceState } from '../../licence/licence.state';
import { newLicenceId } from '../command-options';
import { ApplyForLicenceCommand } from './apply-for-licence.command';
import { ApplyForLicenceRequestDto } from './apply-for-licence.request.dto';

const eligibilityOf = ({ internalControlProgramme, noPenaltiesInThreeYears, evidence }: GeneralLicenceEligibility): GeneralLicenceEligibility => ({
  internalControlProgramme,
  noPenaltiesInThreeYears,
  ...(evidence === undefined ? {} : { evidence }),
});
const partyOf = ({ name, country, address }: LicenceParty): LicenceParty => ({ name, country, address });

@ApiTags('licences')
@ApiBearerAuth()
@Controller('licences')
export class ApplyForLicenceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('exporter')
  @ApiOperation({ summary: 'Apply for an export licence of a kind (LicenceApplied; single-use unless told), screened at once (LicenceScreened)' })
  @ApiCreatedResponse({ type: CommandResponse, description: 'Location: the new licence' })
  async applyForLicence(@Body() body: ApplyForLicenceRequestDto, @Ctx() ctx: CommandContext): Promise<CommandResponse> {
    // A request without a kind applies for the regime's ordinary licence, good for one declaration (docs/decisions.md, 46).
    const kind = body.kind ?? 'single-use';
    const application: LicenceAppliedData = {
      licenceId: newLicenceId(ctx),
      // The applicant's organisation comes from its token (required for exporters), never from the body.
      exporterOrg: ctx.actor.org ?? '',
      consignee: partyOf(body.consignee),
      endUser: partyOf(body.endUser),
      destinationCountry: body.destinationCountry,
      items: body.items.map(({ product, hsCode, element, quantityKg }) => ({ product, hsCode, element, quantityKg })),
      intendedEndUse: body.intendedEndUse,
      kind,
      ...(body.customsOffice === undefined ? {} : { customsOffice: body.customsOffice }),
      ...(kind !== 'general' || body.eligibility === undefined ? {} : { eligibility: eligibilityOf(body.eligibility) }),
    };
    const result = await this.commandBus.execute<ApplyForLicenceCommand, CommandResult<LicenceState>>(
      new ApplyForLicenceCommand(application, ctx),
    );
    return CommandResponse.of(application.licenceId, result);
  }
}
