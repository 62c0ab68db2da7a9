import { RecordedEvent } from '@ree/shared-kernel';

/** Turns a stored event of one (type, schemaVersion) into its next shape. */
export type Upcaster = (event: { type: string; schemaVersion: number; data: unknown }) => {
  type: string;
  schemaVersion: number;
  data: unknown;
};

/**
 * Upcasters keyed by (type, schemaVersion), applied on read until no upcaster matches:
 * stored events are never rewritten, old shapes are lifted as they are read. A renamed event
 * type is an upcaster that changes `type` (an alias).
 */
export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Upcaster>();

  register(type: string, fromSchemaVersion: number, upcaster: Upcaster): this {
    const key = `${type}@${fromSchemaVersion}`;
    if (this.upcasters.has(key)) throw new Error(`An upcaster for ${key} is registered already`);
    this.upcasters.set(key, upcaster);
    return this;
  }

  /** A rename: events stored as `oldType` are read as `newType`. */
  alias(oldType: string, newType: string, schemaVersion = 1): this {
    return this.register(oldType, schemaVersion, (event) => ({ ...event, type: newType }));
  }

  upcast<E extends RecordedEvent>(event: E): E {
    let current = { type: event.type, schemaVersion: event.schemaVersion, data: event.data };
    for (let steps = 0; ; steps++) {
      const upcaster = this.upcasters.get(`${current.type}@${current.schemaVersion}`);
      if (!upcaster) break;
      if (steps > 100) throw new Error(`Upcasters for ${event.type} loop`);
      current = upcaster(current);
    }
    if (current.type === event.type && current.schemaVersion === event.schemaVersion && current.data === event.data) {
      return event;
    }
    return { ...event, ...current };
  }
}
