import { HttpProblem } from '../http/Problem';
import { TokenVerifier } from './TokenVerifier';

const SECRET = 'token-verifier-test-secret-0123456789abcdef';

describe('TokenVerifier', () => {
  let now = Date.parse('2018-06-20T00:00:00.000Z');
  const verifier = new TokenVerifier(SECRET, () => new Date(now));

  it('remembers a verified token until its exp, and refuses it from then on', async () => {
    const token = await verifier.issue({ sub: 'p1', name: 'सुनीता', role: 'organiser', wing: 'mahila' }, 60);
    const first = await verifier.verify(token);
    expect(first.actor).toEqual({ sub: 'p1', name: 'सुनीता', role: 'organiser', wing: 'mahila' });
    expect(await verifier.verify(token)).toBe(first);
    now += 59_000;
    expect(await verifier.verify(token)).toBe(first);
    now += 1_000;
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(HttpProblem);
    await expect(verifier.verify(token)).rejects.toMatchObject({ problem: { status: 401, detail: 'the token has expired' } });
  });

  it('does not take a token whose signature differs from a remembered one', async () => {
    const token = await verifier.issue({ sub: 'p2', name: 'Ravi', role: 'incharge' }, 60);
    await verifier.verify(token);
    const [head, body, signature] = token.split('.');
    const forged = `${head}.${body}.${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`;
    await expect(verifier.verify(forged)).rejects.toMatchObject({ problem: { status: 401 } });
    const other = await new TokenVerifier('another secret, long enough for HS256 too', () => new Date(now)).issue(
      { sub: 'p2', name: 'Ravi', role: 'incharge' },
      60,
    );
    await expect(verifier.verify(other)).rejects.toMatchObject({ problem: { status: 401 } });
  });
});
