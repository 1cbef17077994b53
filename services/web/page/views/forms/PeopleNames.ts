import { h } from '../../dom';
import { nextId } from '../../nextId';
import type { Directory, Person } from '../people/directory';
import type { PageContext } from '../PageContext';

/**
 * The directory's names as suggestions for an assignee box (a `<datalist>`), read once when first
 * wanted. A name typed that is exactly one person's becomes `{personId}` (their task shows on "My
 * tasks"); anything else stays free text, for someone outside Tayari (SPEC v2 "people and access").
 */
export class PeopleNames {
  readonly list = h('datalist', { id: nextId('people-names') });
  private people: readonly Pick<Person, 'id' | 'name'>[] = [];
  private asked = false;

  constructor(private readonly ctx: PageContext) {}

  /** Reads the directory the first time (a failure only leaves the suggestions empty). */
  load(): void {
    if (this.asked) return;
    this.asked = true;
    void this.ctx.api
      .get<Directory>('/api/people')
      .then((directory) => {
        // GET /api/people is the only read of names (no lighter one), and it gives in-charges phones
        // too: only ids and names are kept, so no phone stays in the page's memory for suggestions.
        this.people = directory.people.filter((person) => person.signIn !== 'revoked').map(({ id, name }) => ({ id, name }));
        this.list.replaceChildren(...this.people.map((person) => h('option', { value: person.name })));
      })
      .catch((error: unknown) => {
        // Tried again only after a network failure: a refusal would only be refused again.
        this.asked = !(error instanceof TypeError);
      });
  }

  /** What to send for a typed name: the person, when the name is exactly one person's; else the text. */
  assignee(typed: string): string | { personId: string } {
    const wanted = typed.trim().toLocaleLowerCase();
    const found = this.people.filter((person) => person.name.trim().toLocaleLowerCase() === wanted);
    const [only] = found;
    return only !== undefined && found.length === 1 ? { personId: only.id } : typed.trim();
  }
}
