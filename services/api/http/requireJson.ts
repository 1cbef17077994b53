import express, { type RequestHandler } from 'express';
import { HttpProblem, problem } from './Problem';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** A body must be JSON (415 otherwise); an empty body stands for `{}`. Bodies over 64 KiB are 413. */
export function requireJson(): RequestHandler[] {
  const contentType: RequestHandler = (req, _res, next) => {
    const hasBody = req.get('Content-Length') !== undefined ? Number(req.get('Content-Length')) > 0 : req.get('Transfer-Encoding') !== undefined;
    if (hasBody && !req.is(JSON_TYPES)) {
      return next(new HttpProblem(problem(415, 'unsupported-media-type', 'send the body as application/json')));
    }
    next();
  };
  return [contentType, express.json({ limit: '64kb', strict: true, type: JSON_TYPES })];
}
