import { MiningSourceRequestDto } from '../mining-source.request.dto';

/** A mining source as the exporter declares it. */
export class DeclareMiningSourceRequestDto extends MiningSourceRequestDto {}
