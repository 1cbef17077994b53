import { parseBoardName } from './parseBoardName';

describe('parseBoardName', () => {
  it('knows the three kinds of board', () => {
    expect(parseBoardName('readiness')).toBe('readiness');
    expect(parseBoardName('programme:tour-2018_bastar')).toBe('programme:tour-2018_bastar');
    expect(parseBoardName('wing:seva-dal')).toBe('wing:seva-dal');
    expect(parseBoardName('drive:shakti-2018')).toBe('drive:shakti-2018');
  });

  it('refuses other names and keys the API would refuse', () => {
    for (const name of [
      '',
      'readiness:x',
      'tasks',
      'programme:',
      'programme:-x',
      'programme:../x',
      'wing:Youth',
      'drive:',
      'drive:../x',
      `programme:${'a'.repeat(65)}`,
      'wing:',
    ]) {
      expect(parseBoardName(name)).toBeUndefined();
    }
  });
});
