import { COMMANDS } from './aggregates';
import type { CommandDefinition } from './CommandDefinition';

/** A command route's path split into literal segments and `:name` parameters. */
const ROUTES = COMMANDS.map((command) => ({ command, segments: command.path.split('/').slice(1) }));

/**
 * The command a path names (`/tasks/k1/status` → ChangeTaskStatus with `{taskId: 'k1'}`), as the
 * router would match it; undefined when none does. Parameters are percent-decoded.
 */
export function commandAtPath(path: string): { command: CommandDefinition; params: Record<string, string> } | undefined {
  const parts = path.split('/').slice(1);
  for (const { command, segments } of ROUTES) {
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = segments.every((segment, i) => {
      const part = parts[i] ?? '';
      if (!segment.startsWith(':')) return segment === part;
      if (part === '') return false;
      try {
        params[segment.slice(1)] = decodeURIComponent(part);
        return true;
      } catch {
        return false;
      }
    });
    if (matches) return { command, params };
  }
  return undefined;
}
