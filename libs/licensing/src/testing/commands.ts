/** The command and decision that the reliability tests apply directly, without HTTP (test/reliability/). */
export { RevokeLicenceCommand } from '../commands/revoke-licence/revoke-licence.command';
export { revokeLicenceDecider } from '../commands/revoke-licence/revoke-licence.decide';
