import { csvOf } from '../../services/web/page/csvOf';
import { Formats } from '../../services/web/page/Formats';
import { hrefOf, parseRoute } from '../../services/web/page/route';
import { instantOf, localOf, zoneName } from '../../services/web/page/zonedTime';

describe('the page’s filters in the address, times in the programme’s zone, and CSV', () => {
  it('keeps board filters in the route, spelt as the reads take them, and reads them back', () => {
    expect(parseRoute('#/attention')).toEqual({ view: 'attention' });
    expect(parseRoute(hrefOf({ view: 'archive' }))).toEqual({ view: 'archive' });
    expect(parseRoute('#/attention?wing=adivasi')).toEqual({ view: 'attention', filter: { wing: 'adivasi' } });
    // The attention board takes only the wing facet: others are dropped, not sent to be refused.
    expect(parseRoute('#/attention?status=done')).toEqual({ view: 'attention' });
    const route = {
      view: 'programme' as const,
      id: 'bastar',
      cards: 'all' as const,
      filter: { status: ['todo' as const, 'blocked' as const], q: 'मंच', overdue: true },
    };
    expect(hrefOf(route)).toBe('#/programme/bastar?cards=all&status=blocked%2Ctodo&q=%E0%A4%AE%E0%A4%82%E0%A4%9A&overdue=true');
    expect(parseRoute(hrefOf(route))).toEqual({ ...route, filter: { status: ['blocked', 'todo'], q: 'मंच', overdue: true } });
    expect(parseRoute('#/wing/youth?blocked=true&assignee=Dev')).toEqual({ view: 'wing', code: 'youth', filter: { assignee: 'Dev', blocked: true } });
    expect(parseRoute('#/programme/x?overdue=false&cards=wing')).toEqual({ view: 'programme', id: 'x', cards: 'wing' });
    expect(hrefOf({ view: 'wing', code: 'youth', filter: {} })).toBe('#/wing/youth');
  });

  it('reads a date-time box as wall-clock time in the programme’s zone, whatever the browser’s', () => {
    expect(instantOf('2026-06-26T11:00', 'Asia/Kolkata')).toBe('2026-06-26T05:30:00.000Z');
    expect(instantOf('2026-03-29T03:30', 'Europe/London')).toBe('2026-03-29T02:30:00.000Z');
    expect(instantOf('2026-06-26', 'Asia/Kolkata')).toBeUndefined();
    expect(localOf('2026-06-26T05:30:00Z', 'Asia/Kolkata')).toBe('2026-06-26T11:00');
    expect(localOf(undefined, 'Asia/Kolkata')).toBe('');
    expect(zoneName('Asia/Kolkata', 'en')).toBe('IST');
  });

  it('says "ended" once a programme is past its end, not "under way"', () => {
    const now = new Date('2026-06-26T12:00:00Z');
    const fmt = new Formats('en');
    expect(fmt.timeLeft('2026-06-25T05:30:00Z', now, '2026-06-25T08:30:00Z')).toBe('ended');
    expect(fmt.timeLeft('2026-06-26T11:00:00Z', now, '2026-06-26T14:00:00Z')).toBe('under way');
    expect(fmt.timeLeft('2026-06-26T11:00:00Z', now)).toBe('under way');
    expect(fmt.timeLeft('2026-06-27T12:00:00Z', now, '2026-06-27T14:00:00Z')).toBe('starts in 1 d');
    expect(new Formats('hi').timeLeft('2026-06-25T05:30:00Z', now, '2026-06-25T08:30:00Z')).toBe('ख़त्म हो गया');
  });

  it('writes CSV that spreadsheets read: quoted where needed, Devanagari kept, no formulas', () => {
    expect(
      csvOf([
        ['id', 'title'],
        ['t1', 'मंच, साउंड "A"'],
        ['t2', '=HYPERLINK("x")'],
      ]),
    ).toBe('\uFEFFid,title\r\nt1,"मंच, साउंड ""A"""\r\nt2,"\'=HYPERLINK(""x"")"\r\n');
  });
});
