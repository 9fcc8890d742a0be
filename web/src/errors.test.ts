import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { describeFailure } from './errors.ts';
import { strings } from './i18n.ts';

describe('what the explorer says when a request fails', () => {
  const en = strings('en');
  it('QUERY_TIMEOUT: the request was too large, how to narrow it, and not that the database is down', () => {
    const failure = describeFailure(new ApiError('QUERY_TIMEOUT', 'The request was too large…'), en);
    expect(failure).toEqual({ message: en.errorTooLarge, databaseDown: false });
    expect(failure.message).toMatch(/too large .* Narrow it/);
    expect(failure.message).not.toBe(en.errorDatabase);
    expect(describeFailure(new ApiError('QUERY_TIMEOUT', 'x'), strings('ar')).message).toBe(
      strings('ar').errorTooLarge,
    );
  });

  it('DATABASE_UNAVAILABLE and an unreachable server: the database is down', () => {
    for (const code of ['DATABASE_UNAVAILABLE', 'NETWORK'])
      expect(describeFailure(new ApiError(code, 'x'), en)).toEqual({ message: en.errorDatabase, databaseDown: true });
  });

  it("anything else shows the server's own message", () => {
    expect(describeFailure(new ApiError('NOT_FOUND', 'No actor with id "actor:x".'), en)).toEqual({
      message: 'No actor with id "actor:x".',
      databaseDown: false,
    });
    expect(describeFailure('?', en)).toEqual({ message: en.errorGeneric, databaseDown: false });
  });
});
