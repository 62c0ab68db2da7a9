/** Screens a name against the restricted list as it stands now. */
export class ScreenNameQuery {
  constructor(
    readonly name: string,
    readonly country?: string,
  ) {}
}
