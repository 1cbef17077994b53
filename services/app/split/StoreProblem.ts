/** A store a health check could not use, named by its kind ("eventstoredb", "mongodb", "sqlite"). */
export interface StoreProblem {
  store: string;
  error: string;
}
