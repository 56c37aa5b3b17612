/**
 * Which shape of the vSphere Automation API a vCenter version takes for the requests the lab
 * exports (DOMAIN.md 2 and 4a; resources/vcenter-schemas/README.md). Keyed on the lab's
 * `VcenterSpec.version` ('7.0U3', '8.0U3', '9.0', ...). Kept as one small table so the table
 * of features by version can absorb it.
 */
export interface VcenterApiShape {
  /**
   * How a Supervisor is enabled: 7.0 per cluster (`clusters/{id}?action=enable`, EnableSpec);
   * 8.0 on through `supervisors` (`enable_on_compute_cluster`, or `enable_on_zones`).
   */
  enable: 'clusters' | 'supervisors'
  /** Whether the enable request has `control_plane.count` (the 9.1 API, DOMAIN.md [API-CP91]). */
  controlPlaneCount: boolean
  /** Whether namespaces can be created by Supervisor (`namespaces/instances/v2`, 8.0 on). */
  namespaceBySupervisor: boolean
  /** Folder of resources/vcenter-schemas holding this version's enable schemas. */
  schemaSet: '7.0' | '8.0' | '9.1'
}

/** Major and minor of a version string such as '7.0U3' or '9.1'; null when it has none. */
function majorMinor(version: string): [number, number] | null {
  const m = /^\s*(\d+)\.(\d+)/.exec(version)
  return m ? [Number(m[1]), Number(m[2])] : null
}

/** The API shape of a vCenter version; an unreadable version gets the default lab's (8.0). */
export function vcenterApiShape(version: string): VcenterApiShape {
  const [major, minor] = majorMinor(version) ?? [8, 0]
  if (major < 8)
    return { enable: 'clusters', controlPlaneCount: false, namespaceBySupervisor: false, schemaSet: '7.0' }
  const count = major > 9 || (major === 9 && minor >= 1)
  return {
    enable: 'supervisors',
    controlPlaneCount: count,
    namespaceBySupervisor: true,
    schemaSet: count ? '9.1' : '8.0',
  }
}
