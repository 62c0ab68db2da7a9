import { LicenceReasonRequestDto } from '../reason.request.dto';

export class ReinstateLicenceRequestDto extends LicenceReasonRequestDto {}
