import { deciderSpec } from '../common/deciderSpec';
import { InvalidCommand, RuleViolation } from '../common/errors';
import { DEFAULT_UNITS } from './catalogue';
import type { RegisterUnit } from './commands';
import { unitsDecider } from './decider';
import { UnitEventSchema, type Unit, type UnitEvent } from './events';

const spec = deciderSpec(unitsDecider, { events: UnitEventSchema });

const block: Unit = { code: 'cg-bastar-jagdalpur', name: { en: 'Jagdalpur block', hi: 'जगदलपुर ब्लॉक' }, kind: 'block', parent: 'cg-bastar' };
const register = (unit: Unit): RegisterUnit => ({ type: 'RegisterUnit', ...unit });
const registered = (unit: Unit): UnitEvent => ({ type: 'UnitRegistered', data: unit });

describe('the default catalogue', () => {
  it('holds Chhattisgarh and its 33 districts, each with a Hindi name, under the state', () => {
    const units = [...unitsDecider.initialState.values()];
    expect(units).toHaveLength(34);
    expect(units.filter((unit) => unit.kind === 'state').map((unit) => unit.code)).toEqual(['cg']);
    const districts = units.filter((unit) => unit.kind === 'district');
    expect(districts).toHaveLength(33);
    for (const district of districts) {
      expect(district.parent).toBe('cg');
      expect(district.name.hi).toMatch(/[\u0900-\u097F]/);
    }
    expect(unitsDecider.initialState.get('cg-raipur')?.name).toEqual({ en: 'Raipur', hi: 'रायपुर' });
    expect(new Set(DEFAULT_UNITS.map((unit) => unit.code)).size).toBe(DEFAULT_UNITS.length);
  });

  it('parses with the event schema (every default unit could have been registered)', () => {
    for (const unit of DEFAULT_UNITS) expect(UnitEventSchema.parse(registered(unit))).toEqual(registered(unit));
  });
});

describe('RegisterUnit', () => {
  it('registers a block under a district, and a city', () => {
    spec
      .given([])
      .when(register(block))
      .then([registered(block)]);
    const city: Unit = { code: 'cg-raipur-city', name: { en: 'Raipur city', hi: 'रायपुर शहर' }, kind: 'city', parent: 'cg-raipur' };
    spec
      .given([])
      .when(register(city))
      .then([registered(city)]);
  });

  it('refuses a code already in the catalogue, a default one too', () => {
    spec
      .given([registered(block)])
      .when(register(block))
      .thenThrows(RuleViolation, 'unit-code-taken');
    spec
      .given([])
      .when(register({ ...block, code: 'cg-bastar' }))
      .thenThrows(RuleViolation, 'unit-code-taken');
  });

  it.each([
    ['a block without a parent', { ...block, parent: undefined }],
    ['a block under a parent that does not exist', { ...block, parent: 'cg-nowhere' }],
    ['a block under the state', { ...block, parent: 'cg' }],
    ['a district under a district', { ...block, kind: 'district', parent: 'cg-bastar' }],
    ['a second state with a parent', { ...block, kind: 'state', parent: 'cg' }],
  ] as const)('refuses %s (unit-parent)', (_name, unit) => {
    const { parent, ...rest } = unit;
    spec
      .given([])
      .when(register(parent === undefined ? rest : { ...rest, parent }))
      .thenThrows(InvalidCommand, 'unit-parent');
  });

  it('registers a block under a district registered before it', () => {
    const district: Unit = { code: 'cg-new', name: { en: 'New district', hi: 'नया ज़िला' }, kind: 'district', parent: 'cg' };
    const under: Unit = { ...block, code: 'cg-new-block', parent: 'cg-new' };
    spec
      .given([registered(district)])
      .when(register(under))
      .then([registered(under)]);
  });
});
