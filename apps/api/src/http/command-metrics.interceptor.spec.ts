import { commandNameOf } from './command-metrics.interceptor';

describe('commandNameOf', () => {
  it.each([
    ['registerMine', 'register-mine'],
    ['fileEndUseDeclaration', 'file-end-use-declaration'],
    ['close', 'close'],
  ])('names the command of the controller method %s after its slice, %s', (handler, command) => {
    expect(commandNameOf(handler)).toBe(command);
  });
});
