export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/define.ts', 'src/elements/**/*.strings.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
