import type { CommandBus } from '../application/CommandBus';
import type { Actor } from '../common/actor';
import type { Clock } from '../common/clock';
import type { IdGenerator } from '../common/ids';
import type { Keyring } from '../common/Keyring';
import type { PersonCommand } from './commands';
import { parseInvitationCode, parseRefreshToken, refreshSecret, refreshToken, secretHash } from './credentials';
import { peopleAggregate } from './peopleAggregate';
import type { Person } from './PersonState';
import { refreshVerdict } from './refreshVerdict';

/** A refresh token lives 30 days from its rotation (SPEC). */
export const REFRESH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a sign-in was refused: 401 (not valid), 410 (used, expired: ask for a new link). */
export class SignInRefused extends Error {
  constructor(
    readonly status: 401 | 410,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'SignInRefused';
  }
}

/** A signed-in device: who, and the refresh token it holds now. */
export interface Session {
  personId: string;
  person: Person;
  refreshToken: string;
  refreshExpiresAt: string;
}

const actorOf = (personId: string, person: Person): Actor => ({
  sub: personId,
  name: person.name,
  role: person.role,
  ...(person.wing === undefined ? {} : { wing: person.wing }),
});

/**
 * Redeeming an invitation and rotating refresh tokens: commands on the person's stream that no HTTP
 * route names (their callers hold a code, not a token). Each decision is appended at the version it
 * read, so two devices racing with one token cannot both rotate it.
 */
export class SignIn {
  constructor(private readonly deps: { bus: CommandBus; keys: Keyring; clock: Clock; ids: IdGenerator }) {}

  async redeem(code: string, correlationId: string): Promise<Session> {
    const parts = parseInvitationCode(code);
    if (parts === undefined) throw new SignInRefused(401, 'invitation-unknown', 'this invitation code is not valid');
    const { personId } = parts;
    const familyId = this.deps.ids();
    const at = this.deps.clock.now();
    const expiresAt = new Date(at.getTime() + REFRESH_DAYS * DAY_MS).toISOString();
    const command = {
      type: 'RedeemInvitation' as const,
      personId,
      codeHash: secretHash(parts.secret),
      familyId,
      refreshHash: secretHash(refreshSecret(this.deps.keys, personId, familyId, 0)),
      at: at.toISOString(),
      expiresAt,
    };
    const person = await this.run(personId, command, correlationId).catch((error: unknown) => {
      throw refusal(error);
    });
    return { personId, person, refreshToken: this.token(personId, familyId, 0), refreshExpiresAt: expiresAt };
  }

  async refresh(token: string, correlationId: string): Promise<Session> {
    const parts = parseRefreshToken(token);
    if (parts === undefined) throw new SignInRefused(401, 'refresh-unknown', 'this refresh token is not valid');
    const { personId, familyId } = parts;
    const presentedHash = secretHash(parts.secret);
    const { state, version } = await this.deps.bus.load(peopleAggregate, peopleAggregate.stream(personId));
    const at = this.deps.clock.now();
    const verdict = refreshVerdict(state, familyId, presentedHash, at.toISOString());
    const family = state?.families.get(familyId);
    if (state === undefined || family === undefined || verdict === 'unknown' || verdict === 'ended' || verdict === 'expired') {
      throw new SignInRefused(401, `refresh-${verdict}`, 'this refresh token cannot be used: sign in again');
    }
    if (verdict === 'retry')
      return { personId, person: state, refreshToken: this.token(personId, familyId, family.generation), refreshExpiresAt: family.expiresAt };
    const expiresAt = new Date(at.getTime() + REFRESH_DAYS * DAY_MS).toISOString();
    const nextHash = secretHash(refreshSecret(this.deps.keys, personId, familyId, family.generation + 1));
    const command = { type: 'RotateRefreshToken' as const, personId, familyId, presentedHash, nextHash, at: at.toISOString(), expiresAt };
    const person = await this.run(personId, command, correlationId, version);
    if (verdict === 'reuse') throw new SignInRefused(401, 'refresh-reused', 'this refresh token was used before: every device of this sign-in is signed out');
    return { personId, person, refreshToken: this.token(personId, familyId, family.generation + 1), refreshExpiresAt: expiresAt };
  }

  /** Ends the family of a refresh token (signing out a device); an unusable token ends nothing. */
  async signOut(token: string, correlationId: string): Promise<void> {
    const parts = parseRefreshToken(token);
    if (parts === undefined) return;
    const { personId, familyId } = parts;
    await this.run(personId, { type: 'EndRefreshFamily', personId, familyId, presentedHash: secretHash(parts.secret) }, correlationId).catch(() => undefined);
  }

  private token(personId: string, familyId: string, generation: number): string {
    return refreshToken(personId, familyId, refreshSecret(this.deps.keys, personId, familyId, generation));
  }

  /** Decides and appends on the person's stream; answers the person as they are afterwards. */
  private async run(personId: string, command: PersonCommand, correlationId: string, ifMatch?: number): Promise<Person> {
    const streamId = peopleAggregate.stream(personId);
    const before = await this.deps.bus.load(peopleAggregate, streamId);
    if (before.state === undefined) throw new SignInRefused(401, 'person-unknown', 'this code or token is not valid');
    await this.deps.bus.execute({
      aggregate: peopleAggregate,
      streamId,
      command,
      id: personId,
      creates: false,
      context: async () => ({}),
      ...(ifMatch === undefined ? {} : { ifMatch }),
      meta: { actor: actorOf(personId, before.state), commandId: `signin-${this.deps.ids()}`, correlationId },
    });
    const after = await this.deps.bus.load(peopleAggregate, streamId);
    if (after.state === undefined) throw new SignInRefused(401, 'person-unknown', 'this code or token is not valid');
    return after.state;
  }
}

/** The decider's refusals of a redemption, as the sign-in screen shows them. */
function refusal(error: unknown): unknown {
  if (!(error instanceof Error) || !('rule' in error) || typeof error.rule !== 'string') return error;
  if (error.rule === 'invitation-used' || error.rule === 'invitation-expired') return new SignInRefused(410, error.rule, error.message);
  if (error.rule === 'invitation-unknown') return new SignInRefused(401, error.rule, error.message);
  return error;
}
