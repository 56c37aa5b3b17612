/**
 * vCenter versions and the platform profiles a lab is designed on. The feature table
 * (versions.ts) dates every row by a version of VCENTER_VERSIONS; the four profiles are the
 * releases people design on today (issue 17: 7.0U3, 8.0U2, 8.0U3, VCF 9.0). A lab on any other
 * version still opens: a known version keeps its own row of the table, an unknown one is read as
 * its nearest profile, and validate names that profile (validation/infra-rules.ts).
 */

/** Known vCenter versions, oldest first (the order `since` compares in). */
export const VCENTER_VERSIONS = [
  '7.0',
  '7.0U1',
  '7.0U2',
  '7.0U2a',
  '7.0U3',
  '8.0',
  '8.0U1',
  '8.0U2',
  '8.0U3',
  '9.0',
] as const
export type VcenterVersion = (typeof VCENTER_VERSIONS)[number]

export const isKnownVersion = (v: string): v is VcenterVersion =>
  (VCENTER_VERSIONS as readonly string[]).includes(v)

/** One platform profile: a version the lab models as a whole, with the names it uses. */
export interface PlatformProfile {
  version: VcenterVersion
  label: string
  /** What the product calls the Supervisor in that release's API and docs. */
  supervisorName: string
  source: string
}

export const PLATFORM_PROFILES: readonly PlatformProfile[] = [
  {
    version: '7.0U3',
    label: 'vSphere 7.0 Update 3',
    supervisorName: 'Supervisor Cluster',
    source: '[D7-ARCH] "vSphere with Tanzu" 7.0 docs',
  },
  {
    version: '8.0U2',
    label: 'vSphere 8.0 Update 2',
    supervisorName: 'Supervisor',
    source: '[D8-ARCH] "vSphere IaaS control plane" 8.0 docs',
  },
  {
    version: '8.0U3',
    label: 'vSphere 8.0 Update 3',
    supervisorName: 'Supervisor',
    source: '[D8-ARCH]; GUID-8C947916 (TKG Service as a Supervisor Service from 8.0 U3)',
  },
  {
    version: '9.0',
    label: 'VMware Cloud Foundation 9.0',
    supervisorName: 'vSphere Supervisor',
    source: 'vSphere Automation API 9.0 ("vSphere Supervisor" in the Supervisors service texts)',
  },
]

/** The profile the lab opens new labs on (the demo lab's version). */
export const DEFAULT_PROFILE = PLATFORM_PROFILES[2]!

/** [major, minor, update or patch, letter] of a version string such as '8.0U3', '7.0U2a' or '9.0.1'. */
export function parseVersion(version: string): [number, number, number, string] | null {
  const m = /^\s*(\d+)\.(\d+)(?:\.(\d+))?\s*(?:(?:U|Update\s*)(\d+)([a-z]?))?/i.exec(version)
  if (!m) return null
  const update = Number(m[4] ?? m[3] ?? 0)
  return [Number(m[1]), Number(m[2]), update, (m[5] ?? '').toLowerCase()]
}

function compareParsed(a: [number, number, number, string], b: [number, number, number, string]) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number)
  return a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0
}

/**
 * The known version the feature table reads a version as: itself when known, else the newest
 * known version at or before it ('8.0U3g' reads as 8.0U3, '9.1' as 9.0), the oldest for an older
 * one, and the default profile's for a string that is no version at all.
 */
export function effectiveVersion(version: string): VcenterVersion {
  if (isKnownVersion(version)) return version
  const parsed = parseVersion(version)
  if (!parsed) return DEFAULT_PROFILE.version
  let best: VcenterVersion = VCENTER_VERSIONS[0]
  for (const v of VCENTER_VERSIONS) if (compareParsed(parseVersion(v)!, parsed) <= 0) best = v
  return best
}

/** The platform profile nearest a version (by release order; a tie goes to the older profile). */
export function nearestProfile(version: string): PlatformProfile {
  const at = VCENTER_VERSIONS.indexOf(effectiveVersion(version))
  let best = PLATFORM_PROFILES[0]!
  for (const p of PLATFORM_PROFILES) {
    const d = Math.abs(VCENTER_VERSIONS.indexOf(p.version) - at)
    if (d < Math.abs(VCENTER_VERSIONS.indexOf(best.version) - at)) best = p
  }
  return best
}

export const isProfileVersion = (version: string) => PLATFORM_PROFILES.some((p) => p.version === version)
