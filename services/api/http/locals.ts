import type { Request, Response } from 'express';
import type { Actor } from '@tayari/shared/common/actor';

/** Typed access to what the authentication middleware leaves on the response. */
export function actorOf(res: Response): Actor {
  const actor: unknown = res.locals.actor;
  if (!actor) throw new Error('authentication middleware did not run');
  return actor as Actor;
}

export function requestIdOf(res: Response): string {
  return String(res.locals.requestId ?? 'unknown');
}

/** Where the client reached us (scheme and host, as `trust proxy` allows), for links in answers. */
export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
