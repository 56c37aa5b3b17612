// Types for own-peak.mjs, for the benchmarks that import it.
export declare function ownPeakKiB(): number
