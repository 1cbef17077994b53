/** What another stream's command needs of a person it names: whether they exist, and their name. */
export type PersonFacts = { exists: false } | { exists: true; name: string };
