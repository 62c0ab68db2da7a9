/** Registered mines by name, one page at a time. */
export class ListMinesQuery {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}
