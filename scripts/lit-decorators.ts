// A Vite plugin that compiles the elements' Lit decorators (`@property`, `@state`) into what they stand for, a
// `static properties` entry and a field set in the constructor, with Lit's own transformer (@lit/ts-transformers).
// The source keeps the decorators (the house style, and the custom-elements manifest reads them); the built code
// drops the decorators' runtime and the calls that apply them, which every page pays for.
import { idiomaticDecoratorsTransformer } from '@lit/ts-transformers';
import ts from 'typescript';
import type { Plugin } from 'vite';

const DECORATED = /[\\/]src[\\/]elements[\\/].*\.ts$/;
const USES_DECORATORS = /from 'lit\/decorators\.js'/;

/** A program over the files given, compiled as `tsconfig.json` says, to JavaScript modules. */
export function programOf(rootNames: string[]): ts.Program {
  const configFile = ts.findConfigFile(process.cwd(), ts.sys.fileExists);
  if (!configFile) throw new Error('lit-decorators: no tsconfig.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
  return ts.createProgram(rootNames, { ...options, noEmit: false, declaration: false, sourceMap: false, module: ts.ModuleKind.ESNext });
}

/** `fileName`'s JavaScript with its Lit decorators compiled away; the type checker tells Lit's decorators from others. */
export function withoutDecorators(program: ts.Program, fileName: string): string {
  const source = program.getSourceFile(fileName);
  if (!source) throw new Error(`lit-decorators: ${fileName} is not in the program`);
  let output: string | undefined;
  program.emit(source, (name, text) => (output = name.endsWith('.js') ? text : output), undefined, false, {
    before: [idiomaticDecoratorsTransformer(program)],
  });
  if (output === undefined) throw new Error(`lit-decorators: nothing emitted for ${fileName}`);
  return output;
}

export function compileLitDecorators(): Plugin {
  let program: ts.Program | undefined;
  return {
    name: 'off-layer:compile-lit-decorators',
    enforce: 'pre',
    buildStart() {
      program = undefined;
    },
    transform(code, id) {
      if (!DECORATED.test(id) || !USES_DECORATORS.test(code)) return null;
      program ??= programOf([id]);
      let source = program.getSourceFile(id);
      // A file the program did not reach from the first one: a program of its own.
      if (!source) program = programOf([...program.getRootFileNames(), id]);
      source = program.getSourceFile(id);
      if (source?.text !== code) throw new Error(`lit-decorators: ${id} changed since the build started`);
      return { code: withoutDecorators(program, id), map: null };
    },
  };
}
