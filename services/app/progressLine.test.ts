import { progressLine } from './progressLine';

describe('progressLine', () => {
  it('draws a bar with percent, counts, rate and ETA when positions count events', () => {
    const line = progressLine({ applied: 2500, position: '2500', head: '10000', elapsedMs: 1000 }, { bar: true, width: 10 });
    expect(line).toBe('[###-------]   25%  2,500/10,000 events  2,500 events/s  ETA 3s');
  });

  it('drops the bar for plain output, and shows counts only when positions do not count events', () => {
    expect(progressLine({ applied: 10, position: '10', head: '10', elapsedMs: 500 }, { bar: false })).toBe('100%  10/10 events  20 events/s  ETA 0s');
    expect(progressLine({ applied: 7, position: '00000000000000000001/00000000000000000001', head: undefined, elapsedMs: 0 }, { bar: true })).toBe(
      '7 events  0 events/s',
    );
  });
});
