// Types for quiet-build.mjs, for the tests that import it.
export declare function buildQuietly(command?: string[]): { ok: boolean; output: string }
export declare function build(): boolean
