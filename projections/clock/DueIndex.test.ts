import { DueIndex } from './DueIndex';

const at = (iso: string) => Date.parse(iso);

describe('DueIndex: tasks that can still fall overdue, by due time', () => {
  it('answers the next instant a task falls overdue (1 ms after its due time) and the wings that fall then', () => {
    const index = new DueIndex();
    index.set('k1', '2018-06-26T05:00:00.000Z', 'youth');
    index.set('k2', '2018-06-25T05:00:00.000Z', 'adivasi');
    index.set('k3', '2018-06-26T05:00:00.000Z', 'mahila', 'kamla');
    expect(index.nextAfter(at('2018-06-25T05:00:00.000Z'))).toEqual({ at: at('2018-06-25T05:00:00.001Z'), wings: new Set(['adivasi']), people: new Set() });
    expect(index.nextAfter(at('2018-06-25T05:00:00.001Z'))).toEqual({
      at: at('2018-06-26T05:00:00.001Z'),
      wings: new Set(['youth', 'mahila']),
      people: new Set(['kamla']),
    });
    expect(index.nextAfter(at('2018-06-26T05:00:00.001Z'))).toBeUndefined();
  });

  it('lists the tasks overdue at a time, longest overdue first, following moves and removals', () => {
    const index = new DueIndex();
    index.set('k1', '2018-06-26T05:00:00.000Z', 'youth');
    index.set('k2', '2018-06-25T05:00:00.000Z', 'adivasi');
    index.set('k3', '2018-06-27T05:00:00.000Z', 'youth');
    expect([...index.fallenBy(at('2018-06-26T05:00:00.000Z'))]).toEqual(['k2']);
    expect([...index.fallenBy(at('2018-06-26T05:00:00.001Z'))]).toEqual(['k2', 'k1']);
    index.set('k3', '2018-06-20T05:00:00.000Z', 'youth');
    index.set('k2', undefined, 'adivasi');
    expect([...index.fallenBy(at('2018-06-26T05:00:00.001Z'))]).toEqual(['k3', 'k1']);
    expect(index.size).toBe(2);
  });
});
