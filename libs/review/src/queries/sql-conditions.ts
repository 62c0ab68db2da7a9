/**
 * The WHERE clause of a read-model query, built one filter at a time with numbered parameters:
 * values never enter the SQL text.
 */
export class SqlConditions {
  private readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a clause; `clause` receives the placeholders (`$3`, `$4`) of `values`, in order. */
  add(clause: (...placeholders: string[]) => string, ...values: unknown[]): this {
    const placeholders = values.map((value) => {
      this.params.push(value);
      return `$${this.params.length}`;
    });
    this.clauses.push(clause(...placeholders));
    return this;
  }

  /** Adds the clause only when `value` is given. */
  addIf<Value>(value: Value | undefined | null, clause: (placeholder: string) => string): this {
    return value === undefined || value === null ? this : this.add(clause, value);
  }

  /** The next free placeholder, for a LIMIT after the conditions. */
  next(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.clauses.length === 0 ? '' : `WHERE ${this.clauses.join(' AND ')}`;
  }
}

/** An instant as a cursor keeps it: UTC to the microsecond, so that the next page starts exactly after it. */
export const CURSOR_INSTANT = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Epoch milliseconds as a timestamptz: independent of the session's time zone, any year. */
export const EPOCH_MS = (placeholder: string): string => `to_timestamp(${placeholder}::double precision / 1000)`;
