import type { DeclaredItem } from '../../control-list/classification.rule';

/** Classifies an item by the control list in force on a day, without the catch-all (which needs the end user and end use). */
export class ClassifyItemQuery {
  constructor(
    readonly item: DeclaredItem,
    readonly on: string,
  ) {}
}
