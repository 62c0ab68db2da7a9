/** The handlers and reservations that the reliability tests drive directly, without HTTP (test/reliability/). */
export { AttachLicenceCommand } from '../commands/attach-licence/attach-licence.command';
export { AttachLicenceHandler } from '../commands/attach-licence/attach-licence.handler';
export { DeclareMiningSourceCommand } from '../commands/declare-mining-source/declare-mining-source.command';
export { DeclareMiningSourceHandler } from '../commands/declare-mining-source/declare-mining-source.handler';
export { LicenceReservations } from '../commands/licence-reservations';
export { MineReservations } from '../commands/mine-reservations';
export { CancelConsignmentCommand } from '../commands/cancel-consignment/cancel-consignment.command';
export { CancelConsignmentHandler } from '../commands/cancel-consignment/cancel-consignment.handler';
export { CorrectMiningSourceCommand } from '../commands/correct-mining-source/correct-mining-source.command';
export { CorrectMiningSourceHandler } from '../commands/correct-mining-source/correct-mining-source.handler';
