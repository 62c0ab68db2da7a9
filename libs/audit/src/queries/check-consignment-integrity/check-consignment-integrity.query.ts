import type { IntegritySlice } from '../../integrity/consignment-integrity';

/** The hash chains of every stream a consignment touches, recomputed (or one slice of them). */
export class CheckConsignmentIntegrityQuery {
  constructor(
    readonly consignmentId: string,
    readonly slice: IntegritySlice,
  ) {}
}
