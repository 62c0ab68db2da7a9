import { LicenceReasonRequestDto } from '../reason.request.dto';

export class SuspendLicenceRequestDto extends LicenceReasonRequestDto {}
