import { Keyed } from '../../services/web/page/dom';
import { type KeyedLine, keyedLines } from '../../services/web/page/views/forms/keyedLines';

/** A decision row's choices, as views/forms/DecisionRows.ts keeps them per line (dom.ts `Keyed`). */
interface Choices {
  wing: string;
}

/** The wing chosen on each line, after the box holds `lines`. */
function wingsAfter(rows: Keyed<KeyedLine, Choices>, lines: string[]): string[] {
  return rows.take(keyedLines(lines)).map(([, row]) => row.wing);
}

describe('the rows under the minutes’ decisions', () => {
  const rowsWith = (lines: string[], wings: string[]) => {
    const rows = new Keyed<KeyedLine, Choices>(
      (line) => line.key,
      () => ({ wing: '' }),
    );
    rows.take(keyedLines(lines)).forEach(([, row], i) => {
      row.wing = wings[i] ?? '';
    });
    return rows;
  };

  it('keys each line by its text and which occurrence of it it is', () => {
    expect(keyedLines(['a', 'b', 'a']).map((line) => line.key)).toEqual(['1:a', '1:b', '2:a']);
  });

  it('keeps each decision’s wing when a line is inserted above it', () => {
    const rows = rowsWith(['Hall booking', 'Posters'], ['seva-dal', 'media']);
    expect(wingsAfter(rows, ['Chairs', 'Hall booking', 'Posters'])).toEqual(['', 'seva-dal', 'media']);
  });

  it('keeps each decision’s wing when a line above it is deleted', () => {
    const rows = rowsWith(['Hall booking', 'Posters', 'Water'], ['seva-dal', 'media', 'youth']);
    expect(wingsAfter(rows, ['Posters', 'Water'])).toEqual(['media', 'youth']);
  });

  it('gives an edited line a fresh row, and keeps two lines of the same text apart', () => {
    const rows = rowsWith(['Posters', 'Posters', 'Water'], ['media', 'youth', 'seva-dal']);
    expect(wingsAfter(rows, ['Posters', 'Water', 'Posters'])).toEqual(['media', 'seva-dal', 'youth']);
    expect(wingsAfter(rows, ['Posters', 'Water today', 'Posters'])).toEqual(['media', '', 'youth']);
  });
});
