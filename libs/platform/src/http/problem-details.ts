/** One failing input field of a 400 answer: a dotted path such as `consignee.country` or `items[0].kg`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** An error answer (RFC 9457), served as `application/problem+json`. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** A stable, machine-readable code: the rule codes (docs/domain.md, "Rules") for 422, the codes of docs/http-conventions.md otherwise. */
  readonly code: string;
  readonly errors?: readonly FieldError[];
  /** The request's correlation id, for support requests and the logs. */
  readonly correlationId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The `type` URI of a problem: stable per code, documented in docs/http-conventions.md. */
export const problemType = (code: string): string => `urn:ree:problem:${code}`;
