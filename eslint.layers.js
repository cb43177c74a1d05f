// The layer rules of docs/architecture.md as ESLint zones. Each layer of src-main is
// reached from outside only through its `#layer/…` import (package.json "imports"); a
// relative import that climbs out of its own layer folder is refused, and each layer may
// import only the layers below it. The renderer reaches src-main only through #api and
// #shared.

const LAYERS = ['shared', 'api', 'core', 'store', 'feeds', 'service', 'electron', 'web'];

/** What each layer may import (besides itself). */
const ALLOWED = {
  shared: [],
  api: ['shared'],
  // core sees the contract's types only: its run-time helpers live in shared.
  core: ['shared', 'api:types'],
  store: ['shared', 'api', 'core'],
  feeds: ['shared', 'api', 'core'],
  service: ['shared', 'api', 'core', 'store', 'feeds'],
  electron: ['shared', 'api', 'core', 'store', 'feeds', 'service'],
  web: ['shared', 'api', 'core', 'store', 'feeds', 'service'],
  renderer: ['shared', 'api'],
};

function why(from, to) {
  const allowed = ALLOWED[from].map((l) => l.replace(':types', ' (types only)')).join(', ');
  return `Layer rule (docs/architecture.md): ${from} must not import ${to}; ${from} may import ${allowed || 'nothing outside itself'}.`;
}

function restrictions(from) {
  const allowed = new Set(ALLOWED[from]);
  const patterns = [];
  for (const to of LAYERS) {
    if (to === from || allowed.has(to)) continue;
    if (allowed.has(`${to}:types`)) {
      patterns.push({ regex: `^#${to}/`, allowTypeImports: true, message: why(from, to) });
    } else {
      // A regex: in the gitignore-style "group" syntax a leading # starts a comment.
      patterns.push({ regex: `^#${to}/`, message: why(from, to) });
    }
  }
  return patterns;
}

const climbing = (depth) => ({
  regex: `^(\\.\\./){${depth}}`,
  message:
    'Reach another layer through its #layer/… import (package.json "imports"), never by climbing out of this folder.',
});

const zones = [];
for (const layer of LAYERS) {
  // src-main/<layer>/a.ts is depth 1: "../" leaves the layer; one folder deeper, "../../".
  for (let depth = 1; depth <= 4; depth += 1) {
    const files = [`src-main/${layer}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`];
    zones.push({
      files,
      // Tests of the core may use the contract's schemas to check what the core returns.
      ignores: layer === 'core' ? ['**/*.test.ts', '**/test-fixtures/**'] : [],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { patterns: [...restrictions(layer), climbing(depth)] },
        ],
      },
    });
  }
}
zones.push({
  files: ['src-main/core/**/*.test.ts', 'src-main/core/test-fixtures/**'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...restrictions('core')
            .map(({ allowTypeImports: _, ...p }) => p)
            .filter((p) => !p.regex.startsWith('^#api')),
          climbing(1),
        ],
      },
    ],
  },
});
zones.push({
  files: ['src-renderer/**/*.{ts,tsx}'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...restrictions('renderer'),
          {
            regex: 'src-main/',
            message: 'The renderer reaches src-main only through #api/… and #shared/….',
          },
          {
            group: ['node:*', 'electron', 'lowdb', 'lowdb/*'],
            message: 'The renderer runs in a sandboxed page: no Node, Electron or storage modules.',
          },
        ],
      },
    ],
  },
});

export const layerZones = zones;
