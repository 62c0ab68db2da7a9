import type { Response } from 'supertest';

/** Asserts an RFC 9457 answer with this status and code, and returns its body. */
export function expectProblem(response: Response, status: number, code: string): Record<string, unknown> {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(
    expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String), code }),
  );
  return response.body as Record<string, unknown>;
}
