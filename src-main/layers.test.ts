import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of docs/architecture.md are lint errors, and the dashboard's bundle
// reaches no storage, feed, service or host code.

const root = resolve(import.meta.dirname, '..');

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    [
      'src-main/core/bad.ts',
      "import { openStore } from '#store/database';",
      /core must not import store/,
    ],
    ['src-main/core/bad.ts', "import { methods } from '#api/methods';", /core must not import api/],
    [
      'src-main/api/bad.ts',
      "import { databaseSchema } from '#store/schema';",
      /api must not import store/,
    ],
    ['src-main/api/bad.ts', "import { dec } from '#core/loans';", /api must not import core/],
    [
      'src-main/web/bad.ts',
      "import { x } from '#electron/window';",
      /web must not import electron/,
    ],
    ['src-main/electron/bad.ts', "import { x } from '#web/app';", /electron must not import web/],
    [
      'src-main/store/bad.ts',
      "import { x } from '#service/context';",
      /store must not import service/,
    ],
    [
      'src-main/feeds/bad.ts',
      "import { x } from '#service/context';",
      /feeds must not import service/,
    ],
    ['src-main/core/bad.ts', "import { x } from '../store/database';", /never by climbing/],
    [
      'src-main/feeds/sources/bad.ts',
      "import { x } from '../../store/database';",
      /never by climbing/,
    ],
    [
      'src-renderer/src/pages/Bad.tsx',
      "import { x } from '#core/loans';",
      /renderer must not import core/,
    ],
    [
      'src-renderer/src/pages/Bad.tsx',
      "import { x } from '#store/schema';",
      /renderer must not import store/,
    ],
    [
      'src-renderer/src/pages/Bad.tsx',
      "import { x } from '../../../src-main/api/methods';",
      /only through #api/,
    ],
  ])(
    '%s: %s is a lint error',
    async (file, code, message) => {
      const messages = await lintAs(file, `${code}\nexport const y = x;\n`.replace('x;', "'';"));
      expect(messages.join('\n')).toMatch(message);
    },
    60_000,
  );

  it.each([
    ['src-main/core/good.ts', "import type { Loan } from '#api/records';"],
    ['src-main/service/good.ts', "import { x } from '#store/database';"],
    ['src-main/feeds/sources/good.ts', "import { x } from '../aggregate';"],
    ['src-renderer/src/pages/Good.tsx', "import { x } from '#api/methods';"],
  ])(
    '%s: %s is allowed',
    async (file, code) => {
      expect(await lintAs(file, `${code}\nexport const y = 1;\n`)).toEqual([]);
    },
    60_000,
  );
});

/** Every module the renderer's entry reaches, following static and dynamic imports. */
function rendererGraph(entry: string): Set<string> {
  const imports = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).imports as Record<
    string,
    string
  >;
  const seen = new Set<string>();
  const resolveSpecifier = (from: string, spec: string): string | null => {
    let base: string | null = null;
    if (spec.startsWith('.')) base = resolve(dirname(from), spec);
    for (const [pattern, target] of Object.entries(imports)) {
      const prefix = pattern.slice(0, -1);
      if (spec.startsWith(prefix))
        return join(root, target.replace('*', spec.slice(prefix.length)));
    }
    if (base === null) return null;
    for (const ext of ['', '.ts', '.tsx', '/index.ts'])
      if (existsSync(base + ext)) return base + ext;
    return null;
  };
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (/^import type|^export type/.test(text.slice(text.lastIndexOf('\n', match.index) + 1)))
        continue;
      const next = resolveSpecifier(file, match[1] ?? '');
      if (next !== null) visit(next);
    }
  };
  visit(join(root, entry));
  return seen;
}

describe('the dashboard bundle', () => {
  it('reaches src-main only through the contract and shared code', () => {
    const reached = [...rendererGraph('src-renderer/src/main.tsx')]
      .map((f) => relative(root, f))
      .filter((f) => f.startsWith('src-main/'));
    expect(reached.length).toBeGreaterThan(0);
    expect(reached.filter((f) => !/^src-main\/(api|shared)\//.test(f))).toEqual([]);
  });
});
