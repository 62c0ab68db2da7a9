/** Export-control codes as the announcements print them: `1C902`, `1C902.a`, `1E902.b`. */
export const CONTROL_CODE = /^\d[A-E]\d{3}(\.[A-Za-z0-9]+)*$/;

/** An HS code as published or declared: digits, dots allowed between them (`2846.90`, `2846901940`). */
export const HS_CODE_PATTERN = /^\d{2,}(\.\d+)*$/;

/** The kinds of change an announcement makes (`ControlChange`). */
export const CHANGE_KINDS = ['add', 'amend', 'remove', 'suspend', 'lift'] as const;
