import { LicenceReasonCommand } from '../reason.command';

/** A licensing officer withdraws an issued or suspended licence for good. */
export class RevokeLicenceCommand extends LicenceReasonCommand {}
