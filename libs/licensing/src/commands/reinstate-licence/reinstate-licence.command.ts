import { LicenceReasonCommand } from '../reason.command';

/** A licensing officer lifts a suspension. Its handler screens the parties again. */
export class ReinstateLicenceCommand extends LicenceReasonCommand {}
