/// <reference types="electron-vite/node" />

/** What electron-vite defines in the main bundle at build time (`true` only under `electron-vite dev`). */
interface ImportMetaEnv {
  readonly DEV: boolean
}
interface ImportMeta {
  readonly env: ImportMetaEnv
}
