import { readFileSync } from 'node:fs';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface FrameTime {
  name: string;
  ms: number;
  /** Share of the time the process was not idle. */
  percent: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  functions: FrameTime[];
  /** Self time by package or source folder (e.g. better-sqlite3, zod, @tayari/api, node:internal). */
  groups: FrameTime[];
  /** Time with the function anywhere on the stack (each sample counted once per function). */
  inclusive: FrameTime[];
}

/** Self time by function and by package from a `node --cpu-prof` file. */
export function topFrames(file: string, limit = 15, inclusiveLimit = 40): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byGroup = new Map<string, number>();
  let idleUs = 0;
  let busyUs = 0;
  const names = new Map<number, string>();
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    names.set(node.id, `${functionName || '(anonymous)'}${url ? ` ${shortUrl(url)}:${lineNumber + 1}` : ''}`);
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  const byStack = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (names.get(id) === '(idle)') return;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) seen.add(names.get(at) ?? '?');
    for (const name of seen) byStack.set(name, (byStack.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const where = url ? ` ${shortUrl(url)}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${where}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const group = groupOf(url, functionName);
    byGroup.set(group, (byGroup.get(group) ?? 0) + us);
  }
  const top = (map: Map<string, number>, count = limit) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => ({ name, ms: us / 1000, percent: (100 * us) / busyUs }));
  for (const root of ['(root)', '(program)']) byStack.delete(root);
  return { busyMs: busyUs / 1000, idleMs: idleUs / 1000, functions: top(byFunction), groups: top(byGroup), inclusive: top(byStack, inclusiveLimit) };
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const main = url.indexOf('/main/');
  return main >= 0 ? url.slice(main + '/main/'.length) : url.replace(/^file:\/\//, '');
}

function groupOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(Math.max(0, url.lastIndexOf('node_modules/'))));
  const name = modules?.[1];
  if (name !== undefined && !name.startsWith('@tayari/')) return name;
  const source = /\/main\/((?:services\/)?[^/]+)\/dist\/([^/]+)/.exec(url);
  return source ? `${source[1]}/${source[2]}` : shortUrl(url);
}
