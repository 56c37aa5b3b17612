// Types for native.mjs, for the tests that import it.
export declare const root: string
export declare function nodeBuild(): string
export declare function electronVersion(): string
export declare function nativeDir(): string
export declare function electronBuild(): string
export declare function installedElectron(): string | null
export declare function fetchElectron():
  { binary: string; reason?: never } | { reason: string; binary?: never }
export declare function firstError(text: string | null | undefined): string | null
