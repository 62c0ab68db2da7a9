import { LicenceReasonCommand } from '../reason.command';

/** A licensing officer (or the system, on a restricted-party match or an end-use violation) suspends an issued licence. */
export class SuspendLicenceCommand extends LicenceReasonCommand {}
