import type { Role } from '@ree/platform/auth';
import type { Actor, CommandContext } from '@ree/shared-kernel';

/** A command context as the HTTP layer would build it, for decider specs and handler tests. */
export function aCommandContext(overrides: Partial<CommandContext> & { role?: Role } = {}): CommandContext {
  const { role = 'licensing-officer', ...rest } = overrides;
  const actor: Actor = { sub: `test-${role}`, role, name: `Test ${role}` };
  return {
    actor,
    correlationId: 'test-correlation',
    now: new Date('2025-03-01T09:00:00Z'),
    ...rest,
  };
}
