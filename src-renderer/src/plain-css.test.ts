import { describe, expect, test } from 'vitest';
import plainCss from './plain.css?raw';
import { theme } from './theme';

// plain.css draws the first screen from the theme's CSS variables. A misspelt or vanished
// variable would not fail anywhere else: the colour would silently fall back to nothing
// (a transparent banner, an invisible bar). Every variable it reads is written by the
// theme in the schemes where the rule applies, or by plain.css itself.

const css = plainCss.replace(/\/\*[\s\S]*?\*\//g, '');

type Sheet = Record<string, Record<string, unknown>>;
const sheets = (theme as unknown as { generateStyleSheets(): Sheet[] }).generateStyleSheets();

function themeVarsFor(scheme: 'light' | 'dark'): Set<string> {
  const names = new Set<string>();
  for (const sheet of sheets) {
    for (const [selector, body] of Object.entries(sheet)) {
      const parts = selector.split(',').map((s) => s.trim());
      const applies = parts.includes(':root') || parts.includes(`.${scheme}`);
      if (!applies) continue;
      for (const name of Object.keys(body)) if (name.startsWith('--')) names.add(name);
    }
  }
  return names;
}

const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
  selector: m[1]!.trim(),
  body: m[2]!,
}));
const ownVars = new Set(
  rules.flatMap((r) => [...r.body.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]!)),
);

describe('plain.css', () => {
  test('reads the theme variables for both schemes', () => {
    expect(themeVarsFor('light').size).toBeGreaterThan(100);
    expect(themeVarsFor('dark').size).toBeGreaterThan(100);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`every variable it reads exists in the ${scheme} scheme`, () => {
      const defined = themeVarsFor(scheme);
      const missing: string[] = [];
      for (const rule of rules) {
        const darkOnly = rule.selector.startsWith('.dark ');
        if (darkOnly && scheme === 'light') continue;
        for (const m of rule.body.matchAll(/var\((--[\w-]+)/g)) {
          const name = m[1]!;
          if (!defined.has(name) && !ownVars.has(name)) missing.push(`${rule.selector}: ${name}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }
});
