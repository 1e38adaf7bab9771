// React 19 typings for the four elements: `import type {} from 'off-layer/react'` once in the app.
/// <reference types="react" />
import type { OffIntrinsicElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends OffIntrinsicElements {}
  }
}
