import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';

const HOUR = 3_600;

/** Tokens signed with the secret the bench gives the service. */
export class BenchTokens {
  private readonly verifier: TokenVerifier;

  constructor(secret: string) {
    this.verifier = new TokenVerifier(secret);
  }

  /** In-charges with distinct subjects: commands come from many people, each with their own rate budget. */
  incharges(count: number): Promise<string[]> {
    return Promise.all(
      Array.from({ length: count }, (_, i) => this.verifier.issue({ sub: `bench-incharge-${i}`, name: `In-charge ${i}`, role: 'incharge' }, HOUR)),
    );
  }

  /** Distinct subjects: the gateway limits live connections per person. */
  observers(count: number): Promise<string[]> {
    return Promise.all(
      Array.from({ length: count }, (_, i) => this.verifier.issue({ sub: `bench-watcher-${i}`, name: `Watcher ${i}`, role: 'observer' }, HOUR)),
    );
  }
}
