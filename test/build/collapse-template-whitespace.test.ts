import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { collapsedTemplates, collapseTemplateWhitespace } from '../../scripts/collapse-template-whitespace.js';
import { programOf, withoutDecorators } from '../../scripts/lit-decorators.js';

describe('collapsedTemplates', () => {
  it('turns the line breaks and indentation of html, svg and staticHtml templates into one space', () => {
    const code = [
      'const a = html`',
      '  <div class="card">',
      '    <p>${text}</p>',
      '  </div>',
      '`;',
      'const b = svg`<svg\n  viewBox="0 0 ${side} ${side}"\n>\n  <path d=${path}></path>\n</svg>`;',
      'const c = staticHtml`<${tag}>\n  ${title}\n</${tag}>`;',
    ].join('\n');
    assert.equal(
      collapsedTemplates(code),
      [
        'const a = html` <div class="card"> <p>${text}</p> </div> `;',
        'const b = svg`<svg viewBox="0 0 ${side} ${side}" > <path d=${path}></path> </svg>`;',
        'const c = staticHtml`<${tag}> ${title} </${tag}>`;',
      ].join('\n'),
    );
  });

  it('collapses templates nested in bindings, and leaves the bound expressions as written', () => {
    const code = 'html`<ul>\n  ${items.map((item) => html`\n    <li>${`keep\n  this`}</li>\n  `)}\n</ul>`';
    assert.equal(collapsedTemplates(code), 'html`<ul> ${items.map((item) => html` <li>${`keep\n  this`}</li> `)} </ul>`');
  });

  it('leaves other templates, spaces without a line break and escapes alone', () => {
    const code = 'const sql = `SELECT *\n  FROM t`;\nconst css = css`:host {\n  display: block;\n}`;\nhtml`<p>a  b\\n</p>`;';
    assert.equal(collapsedTemplates(code), code);
  });

  it('leaves the pre-line text of the board and the seed card as written: it is bound, never static', () => {
    for (const [file, part] of [
      ['src/elements/off-side-event-board/off-side-event-board.templates.ts', 'part="item-description"'],
      ['src/elements/off-seed-card/off-seed-card.ts', 'part="body"'],
    ]) {
      const code = readFileSync(file, 'utf8');
      const paragraph = (text: string) => text.slice(text.indexOf(part), text.indexOf('</p>', text.indexOf(part)));
      assert.equal(paragraph(collapsedTemplates(code, file)), paragraph(code), file);
    }
  });

  it("collapses an element's templates after its decorators are compiled, which writes them `html \``", () => {
    const file = 'src/elements/off-side-event-board/off-side-event-board.ts';
    const compiled = withoutDecorators(programOf([file]), file);
    assert.match(compiled, /html `\n\s+<section part="board"/);
    const plugin = collapseTemplateWhitespace() as { transform: (code: string, id: string) => { code: string } | null };
    const collapsed = plugin.transform(compiled, `${process.cwd()}/${file}`)?.code ?? compiled;
    assert.match(collapsed, /html ` <section part="board"/);
  });
});
