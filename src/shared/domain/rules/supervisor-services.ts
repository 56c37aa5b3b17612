import type { FeatureRow } from './versions'

/**
 * The Supervisor Services the lab models, as data (rules/README.md): which vCenter has each
 * (`since`, a FeatureRow), its versions, what it runs and the endpoint it publishes. Sources:
 * [SVC-README] vsphere-tmm/Supervisor-Services README (versions and the vSphere 7 / 8 / VCF 9
 * table), [D8-SVC] vSphere 8 docs GUID-052CF490 (services run as vSphere Pods), [D8-TKGS]
 * GUID-8C947916 (VKS is a core service on the control plane).
 */
export const SERVICE_KEYS = [
  'vks',
  'harbor',
  'contour',
  'external-dns',
  'ca-cluster-issuer',
  'velero',
  'minio',
] as const
export type ServiceKey = (typeof SERVICE_KEYS)[number]

/** One pod group a service runs; sizes are the lab's assumption (no source gives them). */
export interface ServiceComponent {
  name: string
  replicas: number
  cpuMillis: number
  memoryMiB: number
}

export interface ServiceEntry extends FeatureRow {
  /** The identifier vCenter registers the service under. */
  serviceId: string
  /** Versions listed by [SVC-README], newest first. */
  versions: readonly string[]
  /** A core service (VKS): vCenter registers and installs it with the Supervisor. */
  core?: boolean
  /** Where it runs: its own vSphere Pods, or the Supervisor control-plane VMs. */
  runsOn: 'vsphere-pods' | 'control-plane'
  components: readonly ServiceComponent[]
  /** A LoadBalancer the service publishes (ports), when it has one. */
  endpoint?: { what: string; ports: readonly number[] }
}

const small = (name: string, replicas = 1): ServiceComponent => ({
  name,
  replicas,
  cpuMillis: 250,
  memoryMiB: 512,
})

/** What no source settles about the catalogue, said wherever the app shows a service. */
export const SERVICE_ASSUMPTIONS =
  'service identifiers, component lists and pod sizes are the lab’s assumptions (unverified); versions and vSphere versions are from the Supervisor-Services catalogue'

export const SUPERVISOR_SERVICES: Readonly<Record<ServiceKey, ServiceEntry>> = {
  vks: {
    label: 'vSphere Kubernetes Service (VKS)',
    since: '8.0U3',
    source:
      '[D8-TKGS] "TKG Service 3.0 is installed and runs on Supervisor control plane nodes"; [SVC-README]',
    serviceId: 'tkg.vsphere.vmware.com',
    unverified: 'the service identifier is remembered, not read',
    versions: ['3.4.0', '3.3.3', '3.3.2', '3.3.1', '3.3.0', '3.2.0', '3.1.1', '3.1.0'],
    core: true,
    runsOn: 'control-plane',
    components: [],
  },
  harbor: {
    label: 'Harbor (Cloud Native Registry Service)',
    since: '8.0',
    source:
      '[SVC-README] Harbor: vSphere 7 no (embedded Harbor instead), vSphere 8 and VCF 9 yes; LoadBalancer since v2.11.2',
    serviceId: 'harbor.tanzu.vmware.com',
    unverified:
      'the service identifier and the component list (upstream Harbor chart) are not read from the service',
    versions: ['v2.14.3', 'v2.14.2', 'v2.13.1', 'v2.12.4'],
    runsOn: 'vsphere-pods',
    components: [
      small('harbor-core'),
      small('harbor-jobservice'),
      small('harbor-portal'),
      small('harbor-registry'),
      small('harbor-database'),
      small('harbor-redis'),
    ],
    endpoint: { what: 'the registry', ports: [443] },
  },
  contour: {
    label: 'Contour (Kubernetes Ingress Controller Service)',
    since: '8.0',
    source: '[SVC-README] Contour: vSphere 8 and VCF 9',
    serviceId: 'contour.tanzu.vmware.com',
    unverified: 'the service identifier and the replica counts are not read from the service',
    versions: ['v1.32.0', 'v1.31.1', 'v1.30.3', 'v1.29.3', 'v1.28.2'],
    runsOn: 'vsphere-pods',
    components: [small('contour', 2), small('envoy', 2)],
    endpoint: { what: 'Envoy', ports: [80, 443] },
  },
  'external-dns': {
    label: 'ExternalDNS (External DNS Service)',
    since: '8.0',
    source: '[SVC-README] ExternalDNS: vSphere 8 and VCF 9',
    serviceId: 'external-dns.tanzu.vmware.com',
    unverified: 'the service identifier is not read from the service',
    versions: ['v0.16.1+vmware.2', 'v0.14.2'],
    runsOn: 'vsphere-pods',
    components: [small('external-dns')],
  },
  'ca-cluster-issuer': {
    label: 'CA Cluster Issuer (Certificate Management Service, cert-manager)',
    since: '8.0',
    source: '[SVC-README] CA Cluster Issuer: vSphere 8 and VCF 9',
    serviceId: 'ca-clusterissuer.tanzu.vmware.com',
    unverified: 'the service identifier and the cert-manager components are not read from the service',
    versions: ['v0.0.2', 'v0.0.1'],
    runsOn: 'vsphere-pods',
    components: [small('cert-manager'), small('cert-manager-cainjector'), small('cert-manager-webhook')],
  },
  velero: {
    label: 'Velero vSphere Operator (Backup & Recovery Service)',
    since: '7.0U3',
    source: '[SVC-README] Velero: vSphere 7, 8 and VCF 9; Supervisor Services from API 7.0.3.0 [API-SVC]',
    serviceId: 'velero.vsphere.vmware.com',
    unverified: 'the service identifier is not read from the service',
    versions: ['v1.8.1', 'v1.8.0', 'v1.6.1', 'v1.6.0', 'v1.5.0', 'v1.4.0', 'v1.3.0', 'v1.2.0', 'v1.1.0'],
    runsOn: 'vsphere-pods',
    components: [small('velero-vsphere-operator')],
  },
  minio: {
    label: 'MinIO (vSAN Data Persistence Platform)',
    since: '7.0U3',
    source: '[SVC-README] MinIO: vSphere 7, 8 and VCF 9; Supervisor Services from API 7.0.3.0 [API-SVC]',
    serviceId: 'minio.vsphere.vmware.com',
    unverified: 'the service identifier is not read from the service',
    versions: ['2.0.10'],
    runsOn: 'vsphere-pods',
    components: [small('minio-operator')],
  },
}

/** The version a service node runs: the one it names, else the newest listed. */
export const serviceVersionOf = (key: ServiceKey, version: string) =>
  version !== '' ? version : (SUPERVISOR_SERVICES[key].versions[0] ?? '')

/**
 * The namespace a service's pods run in: `svc-<service>-domain-c<N>`, N from the cluster's
 * MoID (seen in public scripts as svc-harbor-domain-c8, svc-contour-domain-c8; the pattern is
 * inferred). The lab has no MoIDs, so it numbers the Supervisor's first cluster.
 */
export const serviceNamespaceName = (key: ServiceKey, clusterNumber: number) =>
  `svc-${key}-domain-c${clusterNumber}`
