import type { ProductElement, ProductForm } from '@ree/shared-kernel';

/**
 * The control list as announcements make it (issue 12, first part: the pure rule; the events,
 * the four-eyes intake, the read model and the routes come next). An announcement adds entries,
 * amends or removes them, and suspends or lifts entries or whole announcements for a period. The
 * list in force on a day is a fold of the announcements in force on that day; nothing here reads
 * a clock: the day comes in.
 *
 * Days are ISO dates (`YYYY-MM-DD`), compared as strings; a period is inclusive at both ends, so
 * "suspended until 10 November 2026" means the entries are back in force on 11 November.
 */
export interface ControlEntry {
  /** The export-control code, modelled on ECCNs (e.g. `1C902`). */
  readonly controlCode: string;
  readonly description: string;
  readonly elements: readonly ProductElement[];
  readonly productForms: readonly ProductForm[];
  /** The reference HS codes the announcement names for the entry, as published (digits, dots allowed). */
  readonly referenceHsCodes: readonly string[];
}

/** What a suspension or a lift applies to: every entry an announcement added or amended, or one control code. */
export type ControlTarget = { readonly announcement: string } | { readonly controlCode: string };

export type ControlChange =
  | { readonly kind: 'add'; readonly entry: ControlEntry }
  | { readonly kind: 'amend'; readonly entry: ControlEntry }
  | { readonly kind: 'remove'; readonly controlCode: string }
  | { readonly kind: 'suspend'; readonly target: ControlTarget; readonly from: string; readonly until: string }
  | { readonly kind: 'lift'; readonly target: ControlTarget; readonly on: string };

export interface ControlAnnouncement {
  /** As published, e.g. `MOFCOM/GACC Announcement No. 18 of 2025`; suspensions name announcements by it. */
  readonly number: string;
  readonly issuer: string;
  readonly publishedOn: string;
  /** The day its additions, amendments and removals take effect, and its suspensions and lifts are made. */
  readonly effectiveOn: string;
  readonly textUrl: string;
  readonly changes: readonly ControlChange[];
}

/** An entry in force, with the announcement that gave it its present wording. */
export interface EntryInForce {
  readonly entry: ControlEntry;
  readonly source: Pick<ControlAnnouncement, 'number' | 'effectiveOn' | 'textUrl'>;
}

/** One announcement's word on one control code: its wording, or its removal. */
interface Version {
  readonly announcement: ControlAnnouncement;
  readonly entry: ControlEntry | null;
}

/** Announcements in the order they take effect; on one day, in the order they were published. */
const inEffectOrder = (a: ControlAnnouncement, b: ControlAnnouncement): number =>
  a.effectiveOn.localeCompare(b.effectiveOn) || a.publishedOn.localeCompare(b.publishedOn);

const targets = (target: ControlTarget, announcement: ControlAnnouncement, controlCode: string): boolean =>
  'announcement' in target ? target.announcement === announcement.number : target.controlCode === controlCode;

/**
 * The entries in force on `day`: for each control code, the latest wording (or removal) of an
 * announcement in effect that day whose word is not suspended that day. A suspended amendment
 * therefore leaves the earlier wording in force, and a suspended addition leaves no entry.
 */
export function controlListOn(announcements: readonly ControlAnnouncement[], day: string): EntryInForce[] {
  const inEffect = announcements.filter((announcement) => announcement.effectiveOn <= day).sort(inEffectOrder);
  const suspended = suspensionsOn(inEffect, day);
  const versions = new Map<string, Version[]>();
  for (const announcement of inEffect) {
    for (const change of announcement.changes) {
      if (change.kind === 'suspend' || change.kind === 'lift') continue;
      const controlCode = change.kind === 'remove' ? change.controlCode : change.entry.controlCode;
      const version: Version = { announcement, entry: change.kind === 'remove' ? null : change.entry };
      versions.set(controlCode, [...(versions.get(controlCode) ?? []), version]);
    }
  }
  const inForce: EntryInForce[] = [];
  for (const [controlCode, list] of versions) {
    const standing = list.filter(({ announcement }) => !suspended.some((target) => targets(target, announcement, controlCode)));
    const latest = standing.at(-1);
    if (!latest?.entry) continue;
    const { number, effectiveOn, textUrl } = latest.announcement;
    inForce.push({ entry: latest.entry, source: { number, effectiveOn, textUrl } });
  }
  return inForce.sort((a, b) => a.entry.controlCode.localeCompare(b.entry.controlCode));
}

/** The targets suspended on `day`: a suspension whose period holds the day, unless a later lift in effect ended it. */
function suspensionsOn(inEffect: readonly ControlAnnouncement[], day: string): ControlTarget[] {
  const suspended: ControlTarget[] = [];
  inEffect.forEach((announcement, index) => {
    for (const change of announcement.changes) {
      if (change.kind !== 'suspend' || day < change.from || day > change.until) continue;
      const lifted = inEffect
        .slice(index)
        .some((later) => later.changes.some((lift) => lift.kind === 'lift' && lift.on <= day && lift.on >= change.from && sameTarget(lift.target, change.target)));
      if (!lifted) suspended.push(change.target);
    }
  });
  return suspended;
}

const sameTarget = (a: ControlTarget, b: ControlTarget): boolean =>
  'announcement' in a ? 'announcement' in b && a.announcement === b.announcement : 'controlCode' in b && a.controlCode === b.controlCode;
