import { InvalidCommand } from '../common/errors';

/**
 * The path parameter `name` of a command call. The router and `commandAtPath` always fill the ones
 * a command's path declares, so only a caller of `Application.handle` that leaves one out gets here:
 * its call is malformed (400), and it must not act on a stream named `…-undefined`.
 */
export function param(params: Readonly<Record<string, string>>, name: string): string {
  const value = params[name];
  if (value === undefined) throw new InvalidCommand('missing-param', `the command's path names a ${name}, which the call does not give`, [name]);
  return value;
}
