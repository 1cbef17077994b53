import { isOwnEvent } from './isOwnEvent';

describe('isOwnEvent', () => {
  test.each([
    ['tour-1', 'StopAdded'],
    ['meeting-abc', 'MeetingScheduled'],
    ['responsibility-9', 'ResponsibilityAssigned'],
    ['task-x', 'TaskCreated'],
    ['wings-catalogue', 'WingAdded'],
  ])('keeps %s / %s', (stream, type) => {
    expect(isOwnEvent(stream, type)).toBe(true);
  });

  test.each([
    ['$stats-127.0.0.1:2113', '$statsCollected', 'server statistics'],
    ['$ce-tour', '$>', 'a projection link event'],
    ['$$tour-1', '$metadata', 'stream metadata'],
    ['tour-1', '$metadata', 'a $-typed event in one of our streams'],
    ['idempotency-ab12', 'IdempotencyRecorded', 'our idempotency records'],
    ['orders-1', 'OrderPlaced', 'another application'],
    ['tours-1', 'StopAdded', 'a look-alike prefix'],
  ])('drops %s / %s (%s)', (stream, type) => {
    expect(isOwnEvent(stream, type)).toBe(false);
  });
});
