import type { Directory, Person } from '../people/directory';
import type { PageContext } from '../PageContext';
import { Suggestions } from './Suggestions';

/**
 * The directory's names as suggestions for an assignee box, read once when first wanted. A name
 * typed that is exactly one person's becomes `{personId}` (their task shows on "My tasks"); anything
 * else stays free text, for someone outside Tayari (SPEC v2 "people and access").
 */
export class PeopleNames extends Suggestions<Directory> {
  private people: readonly Pick<Person, 'id' | 'name'>[] = [];

  constructor(ctx: PageContext) {
    super(ctx, 'people-names', '/api/people');
  }

  protected take(directory: Directory): readonly string[] {
    // GET /api/people is the only read of names (no lighter one), and it gives in-charges phones
    // too: only ids and names are kept, so no phone stays in the page's memory for suggestions.
    this.people = directory.people.filter((person) => person.signIn !== 'revoked').map(({ id, name }) => ({ id, name }));
    return this.people.map((person) => person.name);
  }

  /** Tried again only after a network failure: a refusal would only be refused again. */
  protected override again(error: unknown): boolean {
    return error instanceof TypeError;
  }

  /** What to send for a typed name: the person, when the name is exactly one person's; else the text. */
  assignee(typed: string): string | { personId: string } {
    const wanted = typed.trim().toLocaleLowerCase();
    const found = this.people.filter((person) => person.name.trim().toLocaleLowerCase() === wanted);
    const [only] = found;
    return only !== undefined && found.length === 1 ? { personId: only.id } : typed.trim();
  }
}
