import { consignmentIdFrom, parseArguments, wholeNumberOption } from './arguments';
import { runAuditCli } from './audit-cli';
import { formatTable, shortStream, truncate, utcSecond } from './table';

const ID = '6f1c2b7e-0000-4000-8000-000000000001';

/** Runs the command line (every case here ends before a request); answers the exit code and what was written. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAuditCli(argv, { apiUrl: 'http://127.0.0.1:9/', token: 't', io: { out: (line) => out.push(line), err: (line) => err.push(line) } });
  return { code, out, err: err.join('\n') };
}

describe('the audit command line, before it calls the API', () => {
  it('lists its commands for no command, help or an unknown one, and ends with 2', async () => {
    for (const argv of [[], ['help'], ['rewind', ID]]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toMatch(/usage: npm run audit -- <command> <arguments>\n {2}replay <consignmentId>[^\n]*\n.*\n {2}verify <consignmentId>/);
    }
    expect((await run(['rewind'])).err).toMatch(/^Unknown command rewind\./);
  });

  it('refuses a missing or malformed consignment id, an unknown option, an option without a value, with the command’s usage', async () => {
    const cases: Array<[string[], string]> = [
      [['replay'], 'A consignment id is required.'],
      [['replay', 'C-17'], 'C-17 is not a consignment id (a UUID).'],
      [['replay', ID, ID], `Unexpected argument ${ID}.`],
      [['replay', ID, '--since', '2025-01-01'], 'Unknown option --since.'],
      [['replay', ID, '--as-of'], '--as-of needs a value.'],
      [['verify', ID, '--page-size', '0'], '--page-size must be a whole number from 1 to 10000.'],
      [['verify', ID, '--page-size', '2.5'], '--page-size must be a whole number from 1 to 10000.'],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await run(argv);
      const [first, usage] = err.split('\n');
      expect({ argv, code, first, usage }).toEqual({ argv, code: 2, first: message, usage: expect.stringMatching(`^usage: npm run audit -- ${argv[0]} <consignmentId>`) });
    }
  });
});

describe('arguments and tables', () => {
  it('parses positional arguments and named options', () => {
    const parsed = parseArguments([ID, '--as-of', '2025-03-01T00:00:00Z', '--until-revision', '3'], ['as-of', 'until-revision']);
    expect(parsed).toEqual({ positional: [ID], options: { 'as-of': '2025-03-01T00:00:00Z', 'until-revision': '3' } });
    expect(consignmentIdFrom(parsed)).toBe(ID);
    expect(wholeNumberOption(parsed.options, 'until-revision', 0, 10)).toBe(3);
    expect(wholeNumberOption(parsed.options, 'page-size', 1, 10)).toBeUndefined();
  });

  it('pads columns to their widest cell, without trailing blanks', () => {
    expect(formatTable(['A', 'LONG'], [['wide cell', 'x'], ['b', '']])).toEqual(['A          LONG', '---------  ----', 'wide cell  x', 'b']);
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(utcSecond('2025-03-01T09:05:00.123Z')).toBe('2025-03-01 09:05:00');
    expect(shortStream(`licence-${ID}`)).toBe('licence-6f1c2b7e');
  });
});
