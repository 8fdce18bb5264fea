import { VerifiedTokens } from './verified-tokens';

const claims = (exp: number) => ({ sub: '00000000-0000-4000-8000-000000000001', sid: '00000000-0000-4000-8000-000000000002', exp });

describe('VerifiedTokens', () => {
  it('answers a remembered token with its claims until the token expires, then forgets it', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('a', claims(1000));
    expect(tokens.get('a', 999)).toEqual(claims(1000));
    expect(tokens.get('a', 1000)).toBeNull();
    expect(tokens.get('a', 10)).toBeNull();
    expect(tokens.get('never-seen', 10)).toBeNull();
  });

  it('keeps at most its capacity, letting the oldest go first', () => {
    const tokens = new VerifiedTokens(2);
    tokens.remember('a', claims(1000));
    tokens.remember('b', claims(1000));
    tokens.remember('c', claims(1000));
    expect([tokens.get('a', 1), tokens.get('b', 1), tokens.get('c', 1)].map((c) => c !== null)).toEqual([false, true, true]);
  });
});
