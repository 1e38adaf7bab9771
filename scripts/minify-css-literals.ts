// A Vite plugin that minifies the css`…` literals of the elements' *.styles.ts files with Lightning CSS:
// JavaScript minifiers leave template literal contents alone, and indented CSS is a good part of each element.
import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

const CSS_LITERAL = /\bcss`([^`]*)`/g;
const INTERPOLATION = /\$\{\s*(\w+)\s*\}/g;
// Placeholders are whole declarations, so an interpolated block of declarations stays where it was.
const placeholder = (index: number) => `--lit-slot-${index}:0`;
const WRAPPER = 'lit-wrapper';

function minifyCss(text: string, file: string): string {
  const slots: string[] = [];
  let source = text.replace(INTERPOLATION, (_, name: string) => `${placeholder(slots.push(name) - 1)};`);
  // A literal of bare declarations (a block of tokens meant for interpolation) is minified inside a rule of its own.
  const declarationsOnly = !source.includes('{');
  if (declarationsOnly) source = `${WRAPPER}{${source}}`;
  let css = transform({ code: Buffer.from(source), minify: true, filename: file }).code.toString();
  if (declarationsOnly) css = css.slice(WRAPPER.length + 1, -1);
  slots.forEach((name, index) => {
    css = css.replace(placeholder(index), `\${${name}}`);
  });
  return css.replace(/[\\`]/g, (char) => `\\${char}`);
}

export function minifyCssLiterals(): Plugin {
  return {
    name: 'off-layer:minify-css-literals',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      // A literal with escapes is left as written: its raw text is not the CSS the browser gets.
      const minified = (literal: string, text: string) => (text.includes('\\') ? literal : `css\`${minifyCss(text, id)}\``);
      return { code: code.replace(CSS_LITERAL, minified), map: null };
    },
  };
}
