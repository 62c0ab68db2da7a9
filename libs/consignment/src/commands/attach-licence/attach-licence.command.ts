import type { CommandContext } from '@ree/shared-kernel';

/**
 * An exporter attaches an issued licence to its consignment, reserving `kg` of it
 * (the consignment's quantity when the request names none).
 */
export class AttachLicenceCommand {
  constructor(
    readonly consignmentId: string,
    readonly licenceId: string,
    readonly kg: number | undefined,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}

/** The command once the handler has settled the quantity: what the decider decides. */
export interface LicenceAttachment {
  readonly consignmentId: string;
  readonly licenceId: string;
  readonly allocatedKg: number;
  readonly context: CommandContext;
}
