/** Every restricted list with its consequence, reference lists first. */
export class ListRestrictedListsQuery {}
