import { ProcessingStepRequestDto } from '../processing-step.request.dto';

/** A processing step as the exporter records it. */
export class RecordProcessingStepRequestDto extends ProcessingStepRequestDto {}
