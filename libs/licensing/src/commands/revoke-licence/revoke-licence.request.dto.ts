import { LicenceReasonRequestDto } from '../reason.request.dto';

export class RevokeLicenceRequestDto extends LicenceReasonRequestDto {}
