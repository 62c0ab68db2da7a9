import type { ConsignmentHistoryResponseDto, HistoryStepResponseDto } from '../../queries/get-consignment-history/get-consignment-history.response.dto';
import { consignmentIdFrom, parseArguments, wholeNumberOption } from '../arguments';
import type { AuditCommand } from '../audit-command';
import { formatTable, shortStream, truncate, utcSecond } from '../table';

const STAGES = ['mining', 'processing', 'licence', 'endUse', 'shipment', 'verification'] as const;
const MARKS: Readonly<Record<string, string>> = { done: '✓', pending: '·', blocked: '✗', flagged: '!' };
const STAGE_LEGEND = `Stages, in order: ${STAGES.join(', ')} (✓ done, · pending, ✗ blocked, ! flagged)`;

/** The status and the six stage marks after a step, e.g. `sourced    ✓·····`. */
export const stateOf = ({ status, stages }: Pick<HistoryStepResponseDto, 'status' | 'stages'>): string =>
  `${(status ?? '-').padEnd(10)} ${STAGES.map((stage) => MARKS[stages[stage]] ?? '?').join('')}`;

/**
 * `replay <consignmentId> [--as-of <instant>] [--until-revision <n>]`: the history as a table, one
 * row per event with the review document's status and stages after it. The API folds the steps
 * with the projection's fold and flag policy; this only lays them out.
 */
export const replayCommand: AuditCommand = {
  name: 'replay',
  usage: '<consignmentId> [--as-of <instant>] [--until-revision <n>]',
  summary: 'the timeline as a table, with the state after each step',
  async run(args, { api, io }) {
    const parsed = parseArguments(args, ['as-of', 'until-revision']);
    const consignmentId = consignmentIdFrom(parsed);
    const untilRevision = wholeNumberOption(parsed.options, 'until-revision', 0, 2_147_483_647);
    const history = await api.get<ConsignmentHistoryResponseDto>(`/consignments/${consignmentId}/history`, { asOf: parsed.options['as-of'], untilRevision });
    const rows = history.events.map((event, index) => {
      const step = history.steps[index];
      const actor = `${event.actor.name ?? event.actor.sub} (${event.actor.role})`;
      const summary = step.summary ?? "(not in the review's timeline)";
      return [event.position, utcSecond(event.recordedAt), shortStream(event.streamId), String(event.revision), event.type, truncate(actor, 60), truncate(summary, 70), stateOf(step)];
    });
    const limits = [history.asOf !== null && `as of ${history.asOf}`, history.untilRevision !== null && `until revision ${history.untilRevision}`].filter(Boolean);
    io.out(`Consignment ${consignmentId}${limits.length > 0 ? `, ${limits.join(', ')}` : ''}: ${history.events.length} events`);
    io.out(STAGE_LEGEND);
    formatTable(['POSITION', 'TIME (UTC)', 'STREAM', 'REV', 'TYPE', 'ACTOR', 'SUMMARY', 'STATE AFTER'], rows).forEach((line) => io.out(line));
    const last = history.steps.at(-1);
    io.out(last === undefined ? 'Nothing had been recorded by then.' : `State: ${stateOf(last)}`);
    return 0;
  },
};
