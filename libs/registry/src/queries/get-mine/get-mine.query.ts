/** A mine with its quotas per year and category: allocated, drawn and remaining. */
export class GetMineQuery {
  constructor(readonly mineId: string) {}
}
