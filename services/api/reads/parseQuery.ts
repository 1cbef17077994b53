import type { Request } from 'express';
import type { z } from 'zod';
import { HttpProblem, problem } from '../http/Problem';

/** The query string through a strict schema; anything wrong (unknown, repeated, malformed) is a 400. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const result = schema.safeParse(req.query);
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: key, message: 'unknown query parameter' }))
      : [{ path: issue.path.map(String).join('.'), message: issue.message }],
  );
  const detail = errors.map((e) => `${e.path || '(query)'}: ${e.message}`).join('; ');
  throw new HttpProblem(problem(400, 'invalid-query', detail, errors));
}
