import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { programOf, withoutDecorators } from '../../scripts/lit-decorators.js';

const DECORATED_FILES = [
  'src/elements/shared/off-element.ts',
  'src/elements/off-event-badge/off-event-badge.ts',
  'src/elements/off-side-event-board/off-side-event-board.ts',
  'src/elements/off-seed-card/off-seed-card.ts',
  'src/elements/off-contribute-form/off-contribute-form.ts',
  'src/elements/off-seed-browser/off-seed-browser.ts',
];

/** `@property(…) name` and `@state() name` as written: `[name, options or '', isState]`. */
function decoratedFields(code: string): [string, string, boolean][] {
  return [...code.matchAll(/@(property|state)\(([^)]*)\)\s+(?:(?:private|protected|readonly|override|declare|get|set)\s+)*(\w+)/g)].map(([, kind, options, name]) => [
    name!,
    options!.trim(),
    kind === 'state',
  ]);
}

describe('withoutDecorators', () => {
  const program = programOf(DECORATED_FILES);

  for (const file of DECORATED_FILES) {
    it(`compiles every Lit decorator of ${file} into static properties, keeping their options`, () => {
      const fields = decoratedFields(readFileSync(file, 'utf8'));
      assert.ok(fields.length > 0, 'the file has decorated fields');
      const output = withoutDecorators(program, file);
      assert.doesNotMatch(output, /__decorate|@(property|state)\(|lit\/decorators/);
      // `static properties = {…}`, written `static { this.properties = {…} }` without define semantics for fields.
      const declared = /this\.properties = \{[^;]*\};/.exec(output)?.[0];
      assert.ok(declared, 'static properties declared');
      for (const [name, , isState] of fields) {
        assert.match(declared, new RegExp(`\\b${name}: \\{${isState ? '[^}]*state: true' : ''}`), name);
      }
      for (const attribute of readFileSync(file, 'utf8').matchAll(/attribute: '([\w-]+)'/g)) {
        assert.ok(declared.includes(`attribute: '${attribute[1]}'`), attribute[1]);
      }
    });
  }
});
