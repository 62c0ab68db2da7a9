import { LicenceReasonRequestDto } from '../reason.request.dto';

export class RejectLicenceRequestDto extends LicenceReasonRequestDto {}
