import { LicenceReasonCommand } from '../reason.command';

/** A licensing officer refuses an application, before it is issued. */
export class RejectLicenceCommand extends LicenceReasonCommand {}
