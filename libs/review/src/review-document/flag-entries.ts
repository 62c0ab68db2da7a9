import type { ConsignmentEvent } from '@ree/consignment/domain';
import { EVENT_FLAG_CODES, type Flag } from '../flags';
import type { ReviewFlag } from './review-document';

/** The codes the fold computes from the events; no appended event opens or clears these. */
const FOLDED: ReadonlySet<string> = new Set(EVENT_FLAG_CODES);

/**
 * The consignment event after which an appended deadline flag no longer holds. A code not named
 * here, RESTRICTED_PARTY_MATCH first, stays open: whether the party matters is a reviewer's call,
 * not the system's (docs/decisions.md, 10).
 */
const CLEARED_BY: Readonly<Record<string, ConsignmentEvent['type']>> = {
  ARRIVAL_NOT_CONFIRMED: 'ShipmentArrived',
  END_USE_CHECK_OVERDUE: 'EndUseCheckRecorded',
};

const isOpen = (flag: ReviewFlag): boolean => flag.clearedAt === null;

const opened = (flag: Pick<ReviewFlag, 'code' | 'severity' | 'detail' | 'key'>, at: string): ReviewFlag => ({
  code: flag.code,
  severity: flag.severity,
  raisedAt: at,
  detail: flag.detail,
  key: flag.key,
  clearedAt: null,
});

/** The entry with its new severity and detail, the same object when neither changed. */
const restated = (entry: ReviewFlag, flag: Pick<ReviewFlag, 'severity' | 'detail'>): ReviewFlag =>
  entry.severity === flag.severity && entry.detail === flag.detail ? entry : { ...entry, severity: flag.severity, detail: flag.detail };

/**
 * The flags that jobs append (`ConsignmentFlagged`, key = code) after one event of the consignment's
 * stream, recorded at `at`. A code already open keeps its entry and `raisedAt` with the new detail. A
 * `ConsignmentFlagged` of a code the fold computes opens nothing: the fold alone answers for those
 * codes, and the event stays in the timeline.
 */
export function withAppendedFlags(flags: readonly ReviewFlag[], event: ConsignmentEvent, at: string): readonly ReviewFlag[] {
  if (event.type === 'ConsignmentFlagged') {
    const { code, severity, detail } = event.data;
    if (FOLDED.has(code)) return flags;
    const index = flags.findIndex((entry) => isOpen(entry) && entry.key === code);
    if (index < 0) return [...flags, opened({ code, severity, detail, key: code }, at)];
    return flags.map((entry, position) => (position === index ? restated(entry, { severity, detail }) : entry));
  }
  if (!flags.some((entry) => isOpen(entry) && CLEARED_BY[entry.code] === event.type)) return flags;
  return flags.map((entry) => (isOpen(entry) && CLEARED_BY[entry.code] === event.type ? { ...entry, clearedAt: at } : entry));
}

/**
 * The event-based flags after an event recorded at `at`, given those in force now: an open entry
 * whose key is no longer in force is cleared, one still in force takes the current detail, and a
 * key not yet open gets a new entry at the end. The list keeps every entry ever raised, in the
 * order raised; nothing changes, and the same array comes back, when the evaluation is the same.
 */
export function withDerivedFlags(flags: readonly ReviewFlag[], inForce: readonly Flag[], at: string): readonly ReviewFlag[] {
  const current = new Map(inForce.map((flag) => [flag.key, flag]));
  const open = new Set<string>();
  let changed = false;
  const kept = flags.map((entry) => {
    if (!isOpen(entry) || !FOLDED.has(entry.code)) return entry;
    const flag = current.get(entry.key);
    const next = flag === undefined ? { ...entry, clearedAt: at } : restated(entry, flag);
    if (flag !== undefined) open.add(entry.key);
    changed ||= next !== entry;
    return next;
  });
  const raised = inForce.filter((flag) => !open.has(flag.key)).map((flag) => opened(flag, at));
  return changed || raised.length > 0 ? [...kept, ...raised] : flags;
}
