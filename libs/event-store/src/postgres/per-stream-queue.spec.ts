import { PerStreamQueue } from './per-stream-queue';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('PerStreamQueue', () => {
  it('runs the work of one stream one at a time in call order, even when an earlier one fails', async () => {
    const queue = new PerStreamQueue();
    const started: string[] = [];
    const first = deferred();
    const a = queue.run('s', async () => {
      started.push('a');
      await first.promise;
    });
    const b = queue.run('s', async () => {
      started.push('b');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a']);
    first.reject(new Error('lost'));
    await expect(a).rejects.toThrow('lost');
    await b;
    expect(started).toEqual(['a', 'b']);
  });

  it('runs the work of different streams side by side, and forgets a stream once its work is done', async () => {
    const queue = new PerStreamQueue();
    const blocker = deferred();
    const started: string[] = [];
    const a = queue.run('s1', async () => {
      started.push('s1');
      await blocker.promise;
    });
    const b = queue.run('s2', async () => {
      started.push('s2');
    });
    await b;
    expect(started).toEqual(['s1', 's2']);
    blocker.resolve();
    await a;
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.size).toBe(0);
  });
});
