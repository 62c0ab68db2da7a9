import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Classification, classify } from '../../control-list/classification.rule';
import { ControlListReader } from '../../control-list/control-list.reader';
import { ClassifyItemQuery } from './classify-item.query';

/** The item's classification on the day, and the position of the list it was read at. */
export type ItemClassification = Omit<Classification, 'catchAll'> & { readonly listPosition: string | null };

/** Said with every answer: this query knows the item, not the end user or the end use. */
export const CATCH_ALL_NOT_ASSESSED =
  'The catch-all is not assessed here: it depends on the end user (the Control List, the Watch List, or a company one of their parties owns 50 % or more), ' +
  'the end use (military) and any licensing officer’s notice to the exporter, which this query does not know. A consignment’s classification considers them.';

@QueryHandler(ClassifyItemQuery)
export class ClassifyItemHandler implements IQueryHandler<ClassifyItemQuery, ItemClassification> {
  constructor(private readonly controlList: ControlListReader) {}

  async execute({ item, on }: ClassifyItemQuery): Promise<ItemClassification> {
    const { entries, listPosition } = await this.controlList.listOn(on);
    const { catchAll: _none, ...classification } = classify(entries, item, on);
    const reasons = classification.controlled ? [...classification.reasons] : [`Not on the control list in force on ${on}: the list requires no licence`];
    return { ...classification, reasons: [...reasons, CATCH_ALL_NOT_ASSESSED], listPosition };
  }
}
