// A Vite plugin that collapses the indentation inside Lit's html`…` and svg`…` templates (and `staticHtml`, the
// elements' name for lit/static-html's): JavaScript minifiers leave template literals as written, and the lines and
// indentation of the elements' markup are a good part of their size.
import ts from 'typescript';
import type { Plugin } from 'vite';

const TEMPLATE_TAGS = new Set(['html', 'svg', 'staticHtml']);

/**
 * A run of whitespace with a line break in it becomes one space, which renders the same except under
 * `white-space: pre*`; the elements' pre-line text (a description, a seed's body) is all bound values, never static.
 */
const LINE_BREAK_RUN = /\s*\n\s*/g;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The static parts of a template literal: the text between its backquotes and `${…}`, as written. */
function staticParts(template: ts.TemplateLiteral, source: ts.SourceFile): Edit[] {
  const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
  return parts.map((part) => {
    const start = part.getStart(source) + 1;
    // A head or middle ends with `${`, a tail or a literal without substitutions with a backquote.
    const end = part.end - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
    return { start, end, text: source.text.slice(start, end) };
  });
}

/** `code` with the whitespace of its Lit templates' static parts collapsed; nothing else changes. */
export function collapsedTemplates(code: string, fileName = 'module.ts'): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TEMPLATE_TAGS.has(node.tag.text)) {
      for (const part of staticParts(node.template, source)) edits.push({ ...part, text: part.text.replace(LINE_BREAK_RUN, ' ') });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // From the end, so that each edit's offsets still hold.
  return edits.sort((a, b) => b.start - a.start).reduce((text, { start, end, text: part }) => text.slice(0, start) + part + text.slice(end), code);
}

export function collapseTemplateWhitespace(): Plugin {
  return {
    name: 'off-layer:collapse-template-whitespace',
    // Before Vite compiles the TypeScript; an element's class comes already compiled by scripts/lit-decorators.ts,
    // whose printer writes a tagged template `html \``, with a space.
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/]elements[\\/].*\.ts$/.test(id) || !/\b(html|svg|staticHtml)\s*`/.test(code)) return null;
      return { code: collapsedTemplates(code, id), map: null };
    },
  };
}
