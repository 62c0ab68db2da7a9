import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import {
  EventIdConflictError,
  EventStoreOverloadedError,
  EventStoreUnavailableError,
  PoolOverloadedError,
  StreamContentionError,
  WrongExpectedRevisionError,
} from '@ree/event-store';
import { DomainRuleViolation, NotFound } from '@ree/shared-kernel';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { problemOf } from './problem-of';

const facts = { correlationId: 'corr-1', hadIfMatch: false };

describe('problemOf', () => {
  it('gives a domain rule its own code and message, as 422', () => {
    const { problem } = problemOf(new DomainRuleViolation('licence-expired', 'The licence expired on 2026-01-31'), facts);
    expect(problem).toEqual({
      type: 'urn:ree:problem:licence-expired',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'The licence expired on 2026-01-31',
      code: 'licence-expired',
      correlationId: 'corr-1',
    });
  });

  it('answers a missing aggregate 404 not-found', () => {
    expect(problemOf(new NotFound('Licence', 'l-1'), facts).problem).toMatchObject({ status: 404, code: 'not-found' });
  });

  it.each([
    ['a wrong expected revision', new WrongExpectedRevisionError('s-1', 2, 3)],
    ['an any-append that lost every race', new StreamContentionError('s-1', 30)],
  ])('answers %s 412 with If-Match and 409 without', (_, error) => {
    expect(problemOf(error, { ...facts, hadIfMatch: true }).problem).toMatchObject({ status: 412, code: 'precondition-failed' });
    expect(problemOf(error, facts).problem).toMatchObject({ status: 409, code: 'concurrency-conflict' });
  });

  it.each([
    ['other content', new EventIdConflictError('s-1', ['e-1'], 'different-content')],
    ['another append', new EventIdConflictError('s-1', ['e-1'], 'another-append')],
  ])('answers event ids stored with %s 409 event-id-conflict, with or without If-Match, never a 500', (_, error) => {
    for (const hadIfMatch of [false, true]) {
      const answer = problemOf(error, { ...facts, hadIfMatch });
      expect(answer.unexpected).toBe(false);
      expect(answer.problem).toMatchObject({ status: 409, code: 'event-id-conflict', type: 'urn:ree:problem:event-id-conflict' });
      expect(answer.problem.detail).not.toContain('e-1');
    }
  });

  it.each([
    ['the event store', new EventStoreUnavailableError(new Error('down'))],
    ['a refused connection inside a TypeORM error', Object.assign(new Error('query failed'), { driverError: { code: 'ECONNREFUSED' } })],
    ['a PostgreSQL shutdown', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a PostgreSQL connection exception', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a refused IPv4 and IPv6 connect', new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })])],
    ['ioredis giving up', Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' })],
    ['a transaction whose connection PostgreSQL ended', new QueryRunnerAlreadyReleasedError()],
    ['a transaction reading on a connection PostgreSQL ended', new QueryRunnerProviderAlreadyReleasedError()],
  ])('answers %s 503 with Retry-After', (_, error) => {
    const { problem, headers } = problemOf(error, facts);
    expect(problem).toMatchObject({ status: 503, code: 'service-unavailable' });
    expect(Number(headers['Retry-After'])).toBeGreaterThan(0);
  });

  it.each([
    ['the event store pool', new EventStoreOverloadedError(new PoolOverloadedError('ree-api-events', 'queue-full', 'full'))],
    ["TypeORM's pool, refusing at once", new PoolOverloadedError('ree-api', 'queue-full', 'full')],
    ["TypeORM's pool, after the acquire timeout", Object.assign(new Error('query failed'), { driverError: new PoolOverloadedError('ree-api', 'acquire-timeout', 'waited') })],
  ])('answers an overloaded pool (%s) 503 overloaded with a short Retry-After, apart from a service that is down', (_, error) => {
    const { problem, headers } = problemOf(error, facts);
    expect(problem).toMatchObject({ status: 503, code: 'overloaded' });
    expect(Number(headers['Retry-After'])).toBeGreaterThan(0);
    expect(Number(headers['Retry-After'])).toBeLessThan(Number(problemOf(new EventStoreUnavailableError(new Error('down')), facts).headers['Retry-After']));
  });

  it('keeps the status, code and detail an HttpException carries', () => {
    const { problem } = problemOf(new BadRequestException({ code: 'invalid-if-match', detail: 'If-Match must be a revision' }), facts);
    expect(problem).toMatchObject({ status: 400, code: 'invalid-if-match', detail: 'If-Match must be a revision' });
  });

  it('gives an HttpException without a code the code of its status', () => {
    expect(problemOf(new NotFoundException('Cannot GET /x'), facts).problem).toMatchObject({ status: 404, code: 'not-found', detail: 'Cannot GET /x' });
    expect(problemOf(new HttpException('Too many', 429), facts).problem).toMatchObject({ status: 429, code: 'rate-limited' });
  });

  it('names body-parser failures', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true, type: 'entity.too.large' });
    const malformed = Object.assign(new SyntaxError('Unexpected token'), { status: 400, expose: true, type: 'entity.parse.failed' });
    expect(problemOf(tooLarge, facts).problem).toMatchObject({ status: 413, code: 'payload-too-large' });
    expect(problemOf(malformed, facts).problem).toMatchObject({ status: 400, code: 'malformed-json' });
  });

  it('hides an unexpected error behind a generic 500 and marks it for the log', () => {
    const answer = problemOf(new Error('relation "platform.users" does not exist in SELECT * FROM platform.users'), facts);
    expect(answer.unexpected).toBe(true);
    expect(answer.problem).toMatchObject({ status: 500, code: 'internal-error' });
    expect(JSON.stringify(answer.problem)).not.toMatch(/platform\.users|SELECT/);
  });
});
