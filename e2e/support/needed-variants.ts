import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Which app instances a Playwright run needs, from its command line: `npm run test:e2e --
 * e2e/english.spec.ts` should not wait for nine servers. A spec names the instances it uses as
 * string literals (`appUrl('events')`, `signedInBrowser(…, 'offboarding')`); `base` is always
 * started, `standalone` only when the standalone project runs one of its specs. No file filter
 * means every spec, so every instance.
 */
const OPTIONS_WITH_VALUES = new Set(['-g', '--grep', '--grep-invert', '--project', '-j', '--workers', '--reporter', '--timeout', '--retries', '-c', '--config', '--output', '--shard', '--repeat-each', '--max-failures', '--trace']);

export function fileFilters(argv: string[]): string[] {
  const start = argv.indexOf('test');
  const args = start >= 0 ? argv.slice(start + 1) : [];
  const filters: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('-')) {
      if (OPTIONS_WITH_VALUES.has(arg)) i += 1;
      continue;
    }
    filters.push(arg);
  }
  return filters;
}

function projects(argv: string[]): string[] | 'all' {
  const named = argv.flatMap((arg, i) => (arg.startsWith('--project=') ? [arg.slice(10)] : arg === '--project' && argv[i + 1] ? [argv[i + 1]!] : []));
  return named.length > 0 ? named : 'all';
}

export function neededVariants<V extends string>(
  argv: string[],
  specDir: string,
  variants: readonly V[],
  standaloneSpecs: readonly string[],
): Set<V> {
  const filters = fileFilters(argv);
  if (filters.length === 0) return new Set(variants);
  const matches = (file: string) => filters.some((filter) => file.includes(filter.replace(/^\.\//, '')) || safeRegExp(filter)?.test(file));
  const specs = readdirSync(specDir)
    .filter((name) => name.endsWith('.spec.ts'))
    .map((name) => path.join(specDir, name))
    .filter(matches);
  const needed = new Set<V>(variants.filter((v) => v === 'base'));
  for (const spec of specs) {
    const text = readFileSync(spec, 'utf8');
    // The standalone instance serves the standalone project, whatever a spec says.
    for (const variant of variants) if (variant !== 'standalone' && text.includes(`'${variant}'`)) needed.add(variant);
  }
  const runsStandalone = projects(argv) === 'all' || (projects(argv) as string[]).includes('standalone');
  if (runsStandalone && specs.some((spec) => standaloneSpecs.includes(path.basename(spec)))) needed.add('standalone' as V);
  return needed;
}

function safeRegExp(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    return null;
  }
}
