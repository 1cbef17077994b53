/** Streams are `<aggregate>-<id>`; ids cannot contain characters that would make this ambiguous. */
export const streams = {
  tour: (id: string) => `tour-${id}`,
  meeting: (id: string) => `meeting-${id}`,
  responsibility: (id: string) => `responsibility-${id}`,
  task: (id: string) => `task-${id}`,
  wings: () => 'wings-catalogue',
} as const;

export const STREAM_PREFIXES = ['tour-', 'meeting-', 'responsibility-', 'task-', 'wings-'] as const;
