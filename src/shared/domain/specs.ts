import { z } from 'zod'

import { ExtraFields } from './extra-fields'
import type { Kind } from './kinds'
import { SERVICE_KEYS } from './rules/supervisor-services'

/**
 * The spec of each node kind, as zod schemas with the product's defaults. Units are integers:
 * CPU in millicores (host CPU in MHz), memory and storage in MiB. One definition, used by the
 * inspector, the lab file, the engine and the manifests.
 */

const nonNegInt = z.number().int().nonnegative()
const posInt = z.number().int().positive()

export const CIDR = z
  .string()
  .regex(
    /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d|[12]\d|3[0-2])$/,
    'must be an IPv4 CIDR like 10.244.0.0/20',
  )
export const IPV4 = z
  .string()
  .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, 'must be an IPv4 address')

export const VcenterSpec = z.object({
  version: z.string().default('8.0U3'),
})

export const ClusterSpec = z.object({
  haEnabled: z.boolean().default(true),
  drsEnabled: z.boolean().default(true),
  drsAutomation: z.enum(['manual', 'partiallyAutomated', 'fullyAutomated']).default('fullyAutomated'),
  vsan: z.boolean().default(false),
  /** vSAN File Services on, which ReadWriteMany volumes need (rules/README.md). */
  vsanFileServices: z.boolean().default(false),
})

export const HostSpec = z.object({
  cpuCores: posInt.default(32),
  cpuMhzPerCore: posInt.default(2600),
  memoryMiB: posInt.default(256 * 1024),
  /** What the host is already busy with, which DRS weighs when it places (DOMAIN.md 5). */
  activeCpuMhz: nonNegInt.default(0),
  activeMemoryMiB: nonNegInt.default(0),
  maintenance: z.boolean().default(false),
})

export const StoragePolicySpec = z.object({
  /** SPBM policy id, as the vCenter API and the StorageClass parameters carry it. */
  policyId: z.string().default(''),
  capacityMiB: posInt.default(4 * 1024 * 1024),
  failuresToTolerate: z.number().int().min(0).max(3).default(1),
  encryption: z.boolean().default(false),
  /** A zonal policy (storage available in every zone), which a three-zone Supervisor needs. */
  zonal: z.boolean().default(false),
})

export const ContentLibrarySpec = z.object({
  subscribed: z.boolean().default(false),
  images: z.array(z.string()).default([]),
})

export const NetworkSpec = z.object({
  /** NSX (Tier-0 and a Tier-1 per namespace), VDS, or NSX VPC (a VPC per namespace, VCF 9). */
  type: z.enum(['nsx', 'vds', 'nsx-vpc']).default('nsx'),
  loadBalancer: z.enum(['nsx', 'haproxy', 'avi']).default('nsx'),
  t0Gateway: z.string().default('t0-gw'),
  edgeCluster: z.string().default('edge-cluster-1'),
  managementStartIp: IPV4.default('10.10.0.10'),
  serviceCidr: CIDR.default('10.96.0.0/24'),
  namespaceCidr: CIDR.default('10.244.0.0/20'),
  ingressCidr: CIDR.default('10.20.0.0/24'),
  egressCidr: CIDR.default('10.30.0.0/27'),
  /** Prefix of the blocks the namespace network is carved into (/28 by default; VPC subnets /27). */
  subnetPrefix: z.number().int().min(16).max(30).default(28),
  /**
   * NSX VPC only: the NSX project and VPC connectivity profile (NSX paths; empty for NSX's
   * defaults). The namespace CIDR is then the Supervisor's default private CIDR, the ingress
   * and egress ranges the connectivity profile's external IP blocks (rules/README.md).
   */
  nsxProject: z.string().optional(),
  vpcConnectivityProfile: z.string().optional(),
})

export const SupervisorSpec = z.object({
  size: z.enum(['tiny', 'small', 'medium', 'large']).default('small'),
  zones: z.union([z.literal(1), z.literal(3)]).default(1),
  controlPlaneCount: z.number().int().min(1).max(3).default(3),
  /** Name of the network stack node that serves this Supervisor. */
  network: z.string().default(''),
  controlPlaneStoragePolicy: z.string().default(''),
})

/** A Supervisor Service installed on the Supervisor it sits in (rules/supervisor-services.ts). */
export const SupervisorServiceSpec = z.object({
  service: z.enum(SERVICE_KEYS).default('harbor'),
  /** The version to install; empty for the newest the catalogue lists. */
  version: z.string().default(''),
})

export const Permission = z.object({
  subjectType: z.enum(['USER', 'GROUP']),
  subject: z.string().min(1),
  domain: z.string().default('vsphere.local'),
  role: z.enum(['OWNER', 'EDIT', 'VIEW']),
})

export const StorageAssignment = z.object({
  /** Name of a storage-policy node; the namespace gets a StorageClass of the same name. */
  policy: z.string().min(1),
  limitMiB: posInt.optional(),
})

export const ObjectCounts = z.object({
  pods: nonNegInt.optional(),
  services: nonNegInt.optional(),
  deployments: nonNegInt.optional(),
  persistentVolumeClaims: nonNegInt.optional(),
  configMaps: nonNegInt.optional(),
  secrets: nonNegInt.optional(),
})

export const ContainerDefaults = z.object({
  cpuRequest: nonNegInt.optional(),
  cpuLimit: nonNegInt.optional(),
  memoryRequest: nonNegInt.optional(),
  memoryLimit: nonNegInt.optional(),
})

export const NamespaceSpec = z.object({
  description: z.string().default(''),
  /** Namespace-wide limits (DOMAIN.md 2): CPU in MHz, memory and storage in MiB. */
  cpuLimitMhz: posInt.optional(),
  memoryLimitMiB: posInt.optional(),
  storageLimitMiB: posInt.optional(),
  storage: z.array(StorageAssignment).default([]),
  objectCounts: ObjectCounts.default({}),
  containerDefaults: ContainerDefaults.default({}),
  permissions: z.array(Permission).default([]),
  vmClasses: z.array(z.string()).default([]),
  contentLibraries: z.array(z.string()).default([]),
  networkOverride: z
    .object({
      namespaceCidr: CIDR.optional(),
      ingressCidr: CIDR.optional(),
      egressCidr: CIDR.optional(),
      t0Gateway: z.string().optional(),
    })
    .optional(),
  /** The seed deck's policies: "only 443" maps to a NetworkPolicy; the others are annotations. */
  policies: z
    .object({
      allowOnlyPort443: z.boolean().default(false),
      auditLogs: z.boolean().default(false),
      drSite: z.string().default(''),
      snapshotSchedule: z.string().default(''),
    })
    .default({ allowOnlyPort443: false, auditLogs: false, drSite: '', snapshotSchedule: '' }),
  /** What an imported Namespace object says beyond these settings. */
  extra: ExtraFields.optional(),
})

export const ContainerPort = z.object({
  containerPort: z.number().int().min(1).max(65535),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).default('TCP'),
  name: z.string().optional(),
})

export const Resources = z.object({
  cpu: nonNegInt.optional(),
  memory: nonNegInt.optional(),
})

export const Container = z.object({
  name: z.string().min(1),
  image: z.string().min(1),
  ports: z.array(ContainerPort).default([]),
  requests: Resources.default({}),
  limits: Resources.default({}),
})

export const PodSpec = z.object({
  containers: z
    .array(Container)
    .min(1)
    .default([{ name: 'app', image: 'nginx:1.25', ports: [], requests: {}, limits: {} }]),
  labels: z.record(z.string(), z.string()).default({}),
  /** Unsupported on vSphere Pods (DOMAIN.md 4c); kept so the lab can show what happens. */
  hostNetwork: z.boolean().default(false),
  /** One source per volume: a claim, or hostPath, emptyDir, a ConfigMap or a Secret (see volumes.ts). */
  volumes: z
    .array(
      z.object({
        name: z.string(),
        claimName: z.string().default(''),
        /** A hostPath mount; vSphere Pods reject any but read-only /var/log/pods (DOMAIN.md 4c). */
        hostPath: z.string().optional(),
        emptyDir: z.boolean().optional(),
        /** Name of the ConfigMap the volume shows. */
        configMap: z.string().optional(),
        /** Name of the Secret the volume shows. */
        secret: z.string().optional(),
      }),
    )
    .default([]),
  extra: ExtraFields.optional(),
})

export const DeploymentSpec = PodSpec.extend({
  replicas: nonNegInt.default(2),
})

export const VmSpec = z.object({
  className: z.string().default('best-effort-small'),
  image: z.string().default('ubuntu-22.04-server'),
  /** Set when the image is referenced as `spec.image{kind,name}` (vm-operator v1alpha3 on). */
  imageKind: z.enum(['VirtualMachineImage', 'ClusterVirtualMachineImage']).optional(),
  storageClass: z.string().default(''),
  powerState: z.enum(['PoweredOn', 'PoweredOff', 'Suspended']).default('PoweredOn'),
  extra: ExtraFields.optional(),
})

export const NodePool = z.object({
  name: z.string().min(1),
  replicas: nonNegInt,
  vmClass: z.string(),
  storageClass: z.string().default(''),
  /** The vSphere Zone (failure domain) the pool's machines go to, on a three-zone Supervisor. */
  failureDomain: z.string().optional(),
})

export const TkcSpec = z.object({
  /** Which API expresses it: TanzuKubernetesCluster or a Cluster API Cluster (DOMAIN.md 3.4, 3.5). */
  api: z.enum(['tkc', 'capi']).default('tkc'),
  /** Kubernetes release: a TKR, or a VKr on VKS (DOMAIN.md 3.5). */
  version: z.string().default('v1.26.5---vmware.2-fips.1-tkg.1'),
  /** The ClusterClass of a Cluster (`api: capi`); empty for the one the platform offers. */
  clusterClass: z.string().optional(),
  controlPlane: z
    .object({
      replicas: z.union([z.literal(1), z.literal(3)]),
      vmClass: z.string(),
      storageClass: z.string().default(''),
    })
    .default({ replicas: 1, vmClass: 'best-effort-small', storageClass: '' }),
  nodePools: z
    .array(NodePool)
    .default([{ name: 'np-1', replicas: 2, vmClass: 'best-effort-small', storageClass: '' }]),
  extra: ExtraFields.optional(),
})

export const PvcSpec = z.object({
  storageClass: z.string().default(''),
  sizeMiB: posInt.default(10 * 1024),
  accessMode: z.enum(['ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany']).default('ReadWriteOnce'),
  extra: ExtraFields.optional(),
})

export const ServiceSpec = z.object({
  type: z.enum(['LoadBalancer', 'ClusterIP', 'NodePort']).default('LoadBalancer'),
  selector: z.record(z.string(), z.string()).default({}),
  ports: z
    .array(
      z.object({
        port: z.number().int().min(1).max(65535),
        targetPort: z.number().int().min(1).max(65535),
        protocol: z.enum(['TCP', 'UDP']).default('TCP'),
        name: z.string().optional(),
      }),
    )
    .default([{ port: 80, targetPort: 80, protocol: 'TCP' }]),
  extra: ExtraFields.optional(),
})

const ReadOnlySpec = z.object({}).passthrough()

/**
 * A VM class the admin created (POST /api/vcenter/namespace-management/virtual-machine-classes,
 * DOMAIN.md 3.2): its size and the share of it reserved. The 16 default classes need no node.
 */
export const VmClassSpec = z.object({
  cpus: posInt.default(2),
  memoryMiB: posInt.default(4096),
  cpuReservationPercent: z.number().int().min(0).max(100).default(0),
  memoryReservationPercent: z.number().int().min(0).max(100).default(0),
})

export const OpaqueSpec = z.object({
  /** The imported object exactly as read, re-exported unchanged. */
  manifest: z.record(z.string(), z.unknown()).default({}),
})

export const SPEC_SCHEMAS = {
  vcenter: VcenterSpec,
  cluster: ClusterSpec,
  host: HostSpec,
  'storage-policy': StoragePolicySpec,
  'content-library': ContentLibrarySpec,
  network: NetworkSpec,
  supervisor: SupervisorSpec,
  'supervisor-service': SupervisorServiceSpec,
  namespace: NamespaceSpec,
  pod: PodSpec,
  deployment: DeploymentSpec,
  vm: VmSpec,
  tkc: TkcSpec,
  pvc: PvcSpec,
  service: ServiceSpec,
  'control-plane-vm': ReadOnlySpec,
  spherelet: ReadOnlySpec,
  'vm-class': VmClassSpec,
  'vm-image': ReadOnlySpec,
  'namespace-network': ReadOnlySpec,
  opaque: OpaqueSpec,
} as const satisfies Record<Kind, z.ZodType>

export type SpecOf<K extends Kind> = z.output<(typeof SPEC_SCHEMAS)[K]>
export type HostSpecT = SpecOf<'host'>
export type NamespaceSpecT = SpecOf<'namespace'>
export type PodSpecT = SpecOf<'pod'>
export type ContainerT = z.output<typeof Container>

/** The spec a freshly placed node gets: every default filled in. */
export function defaultSpec<K extends Kind>(kind: K): SpecOf<K> {
  return SPEC_SCHEMAS[kind].parse({}) as SpecOf<K>
}

/** Validates a spec for `kind`, filling defaults; returns zod's issues on failure. */
export function parseSpec(kind: Kind, spec: unknown) {
  return SPEC_SCHEMAS[kind].safeParse(spec)
}
