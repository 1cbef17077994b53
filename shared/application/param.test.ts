import { InvalidCommand } from '../common/errors';
import { param } from './param';

describe('param', () => {
  it('gives the path parameter a command names', () => {
    expect(param({ taskId: 'k1' }, 'taskId')).toBe('k1');
  });

  it('refuses a call that leaves it out (400), rather than acting on `task-undefined`', () => {
    const refusal = (() => {
      try {
        param({ tourId: 't1' }, 'stopId');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidCommand);
    expect(refusal).toMatchObject({ rule: 'missing-param', path: ['stopId'] });
  });
});
