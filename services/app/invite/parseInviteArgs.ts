import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AddPersonBody } from '@tayari/shared/people/commands';

/** What `npm run invite -- --name … --role incharge [--phone …] [--wing …] [--unit …] [--id …] [--url …]` asks for. */
export interface InviteArgs {
  person: z.output<typeof AddPersonBody>;
  /** Where people open the page (the link's origin). */
  url?: string | undefined;
}

const UrlSchema = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));

/** The command line, checked by the same schema as POST /api/people (so its messages are the API's). */
export function parseInviteArgs(argv: readonly string[]): InviteArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      phone: { type: 'string' },
      wing: { type: 'string' },
      unit: { type: 'string' },
      id: { type: 'string' },
      url: { type: 'string' },
    },
    strict: true,
  });
  const { url, ...person } = values;
  const parsed = AddPersonBody.safeParse(person);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join('.') || 'name'}: ${issue.message}`).join('\n'));
  }
  return { person: parsed.data, url: url === undefined ? undefined : UrlSchema.parse(url) };
}
