import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { inSequence } from '../../../src/http/in-sequence';

const req = {} as Request;
const res = {} as Response;

/** Runs the sequence and resolves with what it passed to `next` (once the last step has run). */
function run(handlers: RequestHandler[]): Promise<{ calls: number; error: unknown; seen: string[] }> {
  const seen: string[] = [];
  return new Promise((resolve) => {
    let calls = 0;
    const next: NextFunction = (error?: unknown) => {
      calls += 1;
      setImmediate(() => resolve({ calls, error, seen }));
    };
    inSequence(handlers.map((h, i) => (q, s, n) => (seen.push(`h${i}`), h(q, s, n))))(req, res, next);
  });
}

const pass: RequestHandler = (_q, _s, next) => next();

describe('inSequence', () => {
  test('when every handler passes, then they run in order and next is called once without an error', async () => {
    const result = await run([pass, async (_q, _s, next) => next(), pass]);
    expect(result).toEqual({ calls: 1, error: undefined, seen: ['h0', 'h1', 'h2'] });
  });

  test.each([
    ['passes an error', ((_q, _s, next) => next(new Error('passed'))) as RequestHandler, 'passed'],
    [
      'throws',
      (() => {
        throw new Error('thrown');
      }) as RequestHandler,
      'thrown',
    ],
    [
      'rejects',
      (async () => {
        throw new Error('rejected');
      }) as RequestHandler,
      'rejected',
    ],
  ])('when a handler %s, then the rest are skipped and next gets the error', async (_name, failing, message) => {
    const result = await run([pass, failing, pass]);
    expect(result.calls).toBe(1);
    expect((result.error as Error).message).toBe(message);
    expect(result.seen).toEqual(['h0', 'h1']);
  });

  test('when a handler answers without calling next, then nothing after it runs', async () => {
    const seen: string[] = [];
    const next = jest.fn();
    inSequence([(_q, _s) => void seen.push('answered'), () => void seen.push('later')])(req, res, next);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['answered']);
    expect(next).not.toHaveBeenCalled();
  });
});
