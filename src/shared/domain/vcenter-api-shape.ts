import { hasRow, type FeatureRow } from './rules/versions'

/**
 * Which shape of the vSphere Automation API a vCenter version takes for the requests the lab
 * exports (DOMAIN.md 2 and 4a; resources/vcenter-schemas/README.md). Keyed on the lab's
 * `VcenterSpec.version` ('7.0U3', '8.0U3', '9.0', ...). Each switch is a row of the version
 * table, read like every other feature (rules/versions.ts), so a profile decides them.
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
  /** Whether Supervisor Services are installed per Supervisor (9.0) rather than per cluster. */
  servicesBySupervisor: boolean
  /** Whether a service version is registered as a Carvel package (`carvel_spec`). */
  carvelServices: boolean
  /** Folder of resources/vcenter-schemas holding this version's enable schemas. */
  schemaSet: '7.0' | '8.0' | '9.0' | '9.1'
}

/** The rows the shape reads; README.md of resources/vcenter-schemas cites each. */
export const SHAPE_ROWS = {
  supervisors: {
    label: 'the Supervisors API (enable_on_compute_cluster, enable_on_zones)',
    since: '8.0',
    source: 'DOMAIN.md 9: namespace_management.Supervisors (vSphere API 8.0.0.1); [GOVMOMI] namespace.go',
  },
  carvelServices: {
    label: 'Carvel packages as Supervisor Service versions (carvel_spec)',
    since: '8.0',
    source:
      '[API-SVC] SupervisorServices.CreateSpec: the 7.0 U3 reference has custom_spec and vsphere_spec only, the 8.0.3 one carvel_spec too',
    unverified: 'the 8.0 update that added carvel_spec is not read; 8.0 is assumed',
  },
  servicesBySupervisor: {
    label: 'per-Supervisor Supervisor Services (Supervisors.SupervisorServices)',
    since: '9.0',
    source:
      '[API-90] POST /api/vcenter/namespace-management/supervisors/{supervisor}/supervisor-services "added in vSphere API 9.0.0.0"; ClusterSupervisorServices deprecated as of 9.0.0.0',
  },
} as const satisfies Record<string, FeatureRow>

/** Major and minor of a version string such as '7.0U3' or '9.1'; null when it has none. */
function majorMinor(version: string): [number, number] | null {
  const m = /^\s*(\d+)\.(\d+)/.exec(version)
  return m ? [Number(m[1]), Number(m[2])] : null
}

/** The API shape of a vCenter version; an unreadable version gets the default profile's. */
export function vcenterApiShape(version: string): VcenterApiShape {
  const supervisors = hasRow(version, SHAPE_ROWS.supervisors)
  const servicesBySupervisor = hasRow(version, SHAPE_ROWS.servicesBySupervisor)
  const carvelServices = hasRow(version, SHAPE_ROWS.carvelServices)
  if (!supervisors)
    return {
      enable: 'clusters',
      controlPlaneCount: false,
      namespaceBySupervisor: false,
      servicesBySupervisor,
      carvelServices,
      schemaSet: '7.0',
    }
  // 9.1 is beyond the table's versions: its `control_plane.count` is read from the version itself.
  const [major, minor] = majorMinor(version) ?? [8, 0]
  const count = major > 9 || (major === 9 && minor >= 1)
  return {
    enable: 'supervisors',
    controlPlaneCount: count,
    namespaceBySupervisor: true,
    servicesBySupervisor,
    carvelServices,
    schemaSet: count ? '9.1' : servicesBySupervisor ? '9.0' : '8.0',
  }
}

/**
 * The request that enables a Supervisor, as the export writes it and the run narrates it:
 * 7.0 per cluster, 8.0 on a compute cluster or on three zones. `cluster` names the first
 * cluster (a MoID, or a placeholder the export fills in).
 */
export function enablePath(shape: VcenterApiShape, zones: boolean, cluster: string): string {
  if (shape.enable === 'clusters')
    return `/api/vcenter/namespace-management/clusters/${cluster}?action=enable`
  return zones
    ? '/api/vcenter/namespace-management/supervisors?action=enable_on_zones'
    : `/api/vcenter/namespace-management/supervisors/${cluster}?action=enable_on_compute_cluster`
}

/**
 * Whether a namespace is created by Supervisor (`namespaces/instances/v2`): a three-zone
 * Supervisor spans clusters, and a VPC namespace's network_spec is in the V2 spec only ([API-90]).
 */
export const namespaceBySupervisor = (shape: VcenterApiShape, zones: boolean, vpc: boolean) =>
  shape.namespaceBySupervisor && (zones || vpc)

export const namespacePath = (bySupervisor: boolean) =>
  bySupervisor ? '/api/vcenter/namespaces/instances/v2' : '/api/vcenter/namespaces/instances'

/** Where a Supervisor Service is installed: per cluster before 9.0, per Supervisor from 9.0. */
export const serviceInstallPath = (shape: VcenterApiShape, supervisor: string, cluster: string) =>
  shape.servicesBySupervisor
    ? `/api/vcenter/namespace-management/supervisors/${supervisor}/supervisor-services`
    : `/api/vcenter/namespace-management/clusters/${cluster}/supervisor-services`

/** Where a Supervisor Service and its versions are registered with vCenter. */
export const SERVICE_REGISTER_PATH = '/api/vcenter/namespace-management/supervisor-services'
