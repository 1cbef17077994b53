import { deciderSpec } from '../common/deciderSpec';
import { RuleViolation } from '../common/errors';
import { DEFAULT_WINGS } from './catalogue';
import type { RegisterWing } from './commands';
import { wingsDecider } from './decider';
import { WingEventSchema, type Wing, type WingEvent } from './events';

const spec = deciderSpec(wingsDecider, { events: WingEventSchema });

const legal: Wing = { code: 'legal', name: { en: 'Legal cell', hi: 'विधि प्रकोष्ठ' }, kind: 'cell' };
const register = (wing: Wing): RegisterWing => ({ type: 'RegisterWing', ...wing });
const registered = (wing: Wing): WingEvent => ({ type: 'WingRegistered', data: wing });

describe('the default catalogue', () => {
  it('holds the twelve wings of the contract', () => {
    expect([...wingsDecider.initialState.keys()]).toEqual([
      'adivasi',
      'youth',
      'mahila',
      'nsui',
      'seva-dal',
      'kisan',
      'sc',
      'obc',
      'minority',
      'it-cell',
      'data',
      'media',
    ]);
  });
});

describe('RegisterWing', () => {
  it('registers a new wing, its Hindi name unchanged', () => {
    spec
      .given([])
      .when(register(legal))
      .then([registered(legal)]);
  });

  it.each(DEFAULT_WINGS.map((w) => [w.code, w] as const))('refuses the default code %s', (_code, wing) => {
    spec
      .given([])
      .when(register({ ...wing, name: { en: 'Another', hi: 'दूसरा' } }))
      .thenThrows(RuleViolation, 'wing-code-taken');
  });

  it('refuses the code of a registered wing', () => {
    spec
      .given([registered(legal)])
      .when(register({ ...legal, kind: 'department' }))
      .thenThrows(RuleViolation, 'wing-code-taken');
  });

  it('registers wings one after another', () => {
    const media2: Wing = { code: 'media-2', name: { en: 'Second media cell', hi: 'दूसरा मीडिया प्रकोष्ठ' }, kind: 'cell' };
    spec
      .given([registered(legal)])
      .when(register(media2))
      .then([registered(media2)]);
  });
});

describe('the catalogue after registrations', () => {
  it('holds the defaults and every registered wing, by code', () => {
    const state = wingsDecider.evolve(wingsDecider.initialState, registered(legal));
    expect(state.size).toBe(DEFAULT_WINGS.length + 1);
    expect(state.get('legal')).toEqual(legal);
    expect(state.get('adivasi')?.name.hi).toBe('आदिवासी कांग्रेस');
  });

  it('does not change the initial state', () => {
    wingsDecider.evolve(wingsDecider.initialState, registered(legal));
    expect(wingsDecider.initialState.has('legal')).toBe(false);
  });
});
