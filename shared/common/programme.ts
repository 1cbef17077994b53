/**
 * What a decider needs to know about a programme it names (a tour or a meeting): enough to check
 * existence, cancellation and stops, derived by the command handler from that programme's stream.
 */
export interface ProgrammeFacts {
  kind: 'tour' | 'meeting';
  id: string;
  cancelled: boolean;
  stops: ReadonlyMap<string, { cancelled: boolean }>;
}
