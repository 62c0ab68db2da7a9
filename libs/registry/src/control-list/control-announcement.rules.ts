import { DomainRuleViolation } from '@ree/shared-kernel';
import type { ControlAnnouncement } from './control-list.state';

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not one). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !CALENDAR_DAY.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

/**
 * What a licensing officer expects of an announcement before it may be taken in (docs/domain.md,
 * "Rules"), checked on the proposal:
 * - `announcement-dates-invalid`: every day is a calendar day, and it takes effect on or after the
 *   day it was published (a published text does not reach back);
 * - `suspension-period-invalid`: a suspension's `from` is on or before its `until`;
 * - `control-code-repeated`: an announcement words (adds, amends or removes) a control code once.
 * An amendment, removal, suspension or lift may name a control code or announcement the list does
 * not hold: the officer transcribes the published text as it stands (No. 70 of 2025 suspends
 * announcements about other goods), and `controlListOn` lets such a change touch nothing.
 */
export function checkAnnouncement(announcement: ControlAnnouncement): void {
  const { number, publishedOn, effectiveOn } = announcement;
  if (!isCalendarDay(publishedOn) || !isCalendarDay(effectiveOn)) {
    throw new DomainRuleViolation('announcement-dates-invalid', `${number}: publishedOn and effectiveOn must be calendar days, YYYY-MM-DD`);
  }
  if (effectiveOn < publishedOn) {
    throw new DomainRuleViolation('announcement-dates-invalid', `${number}: it cannot take effect (${effectiveOn}) before it was published (${publishedOn})`);
  }
  const worded = new Set<string>();
  for (const change of announcement.changes) {
    switch (change.kind) {
      case 'suspend':
        if (!isCalendarDay(change.from) || !isCalendarDay(change.until)) {
          throw new DomainRuleViolation('announcement-dates-invalid', `${number}: a suspension's from and until must be calendar days, YYYY-MM-DD`);
        }
        if (change.from > change.until) {
          throw new DomainRuleViolation('suspension-period-invalid', `${number}: a suspension from ${change.from} cannot end before it starts (until ${change.until})`);
        }
        break;
      case 'lift':
        if (!isCalendarDay(change.on)) throw new DomainRuleViolation('announcement-dates-invalid', `${number}: a lift's day must be a calendar day, YYYY-MM-DD`);
        break;
      default: {
        const controlCode = change.kind === 'remove' ? change.controlCode : change.entry.controlCode;
        if (worded.has(controlCode)) {
          throw new DomainRuleViolation('control-code-repeated', `${number}: control code ${controlCode} is added, amended or removed more than once`);
        }
        worded.add(controlCode);
      }
    }
  }
}

/** `announcement-number-taken`: an announcement number is adopted once; `adoptedAs` is the id of the adopted one, if any. */
export function checkNumberFree(number: string, announcementId: string, adoptedAs: string | null): void {
  if (adoptedAs !== null && adoptedAs !== announcementId) {
    throw new DomainRuleViolation('announcement-number-taken', `${number} is already adopted (announcement ${adoptedAs})`);
  }
}

/** A command with the fact its handler reads: the id of an adopted announcement with the same number, if any. */
export type WithAdoptedNumber<Command> = Command & { readonly adoptedAs: string | null };
