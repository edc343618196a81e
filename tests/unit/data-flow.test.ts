import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Data flows one way (content → scripts/lib → generated data → src/ → dist): the pipeline never reaches back into the site's code. */
describe('one-way data flow', () => {
  const dir = 'scripts/lib';
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('has pipeline modules to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('scripts/lib/%s imports nothing from src/', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
    expect(specifiers.filter((s) => /(^|\/)src\//.test(s))).toEqual([]);
  });
});
