import { Injectable } from '@nestjs/common';
import { ControlListReader, PartyScreening } from '@ree/registry';
import type { EndUserMatch, ListOnDay } from '../consignment/classification';
import type { ConsignmentState } from '../consignment/consignment.state';

/**
 * What a classification rests on besides the consignment's own events, read through the
 * registry's ports: the control list in force on a day, and the end user's matches on the
 * restricted lists (ownership chains walked by the registry). The handlers read them in their
 * `from` builders so that the deciders stay pure.
 */
@Injectable()
export class ClassificationFacts {
  constructor(
    private readonly controlList: ControlListReader,
    private readonly screening: PartyScreening,
  ) {}

  listOn(day: string): Promise<ListOnDay> {
    return this.controlList.listOn(day);
  }

  /** The end-use declaration's end user screened; none while no declaration is filed (the decider refuses then). */
  async endUserMatches(state: ConsignmentState): Promise<readonly EndUserMatch[]> {
    const endUser = state.endUseDeclaration?.endUser;
    if (!endUser) return [];
    const { matches } = await this.screening.screenParty({ name: endUser.name, country: endUser.country });
    return matches;
  }
}
