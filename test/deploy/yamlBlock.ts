/**
 * The few YAML reads the deploy tests need, without a YAML dependency: the compose files are
 * block-style, two spaces per level, so a key's block is the lines indented more than the key.
 */

interface Line {
  indent: number;
  text: string;
}

function linesOf(yaml: string): Line[] {
  return yaml
    .split('\n')
    .map((raw) => raw.replace(/\s+#.*$/, '').replace(/^\s*#.*$/, ''))
    .filter((raw) => raw.trim() !== '')
    .map((raw) => ({ indent: raw.length - raw.trimStart().length, text: raw.trimEnd() }));
}

/** The text of the block under `path` (each a key one level below the last), or undefined. */
export function yamlBlock(yaml: string, path: string[]): string | undefined {
  let lines = linesOf(yaml);
  for (const key of path) {
    const baseIndent = lines.length === 0 ? 0 : Math.min(...lines.map((line) => line.indent));
    const start = lines.findIndex((line) => line.indent === baseIndent && line.text.trimStart().startsWith(`${key}:`));
    if (start === -1) return undefined;
    const block: Line[] = [];
    for (const line of lines.slice(start + 1)) {
      if (line.indent <= baseIndent) break;
      block.push(line);
    }
    lines = block;
  }
  return lines.map((line) => line.text).join('\n');
}

/** The keys directly under `path`, e.g. the service names under ['services']. */
export function yamlKeys(yaml: string, path: string[]): string[] {
  const block = yamlBlock(yaml, path);
  if (block === undefined) return [];
  const lines = linesOf(block);
  const indent = Math.min(...lines.map((line) => line.indent));
  return lines.filter((line) => line.indent === indent && /^\s*[\w.-]+:/.test(line.text)).map((line) => line.text.trim().split(':')[0] ?? '');
}

/** The anchors (`<<: *name`) a block merges. */
export function mergedAnchors(block: string): string[] {
  return [...block.matchAll(/<<:\s*\*([\w-]+)/g)].map((match) => match[1] ?? '');
}

/** The block an anchor (`&name`) defines, at any level. */
export function anchorBlock(yaml: string, anchor: string): string | undefined {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => new RegExp(`:\\s*&${anchor}\\s*$`).test(line.replace(/\s+#.*$/, '')));
  if (start === -1) return undefined;
  const indent = (lines[start] ?? '').length - (lines[start] ?? '').trimStart().length;
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (line.length - line.trimStart().length <= indent) break;
    block.push(line);
  }
  return block.join('\n');
}
