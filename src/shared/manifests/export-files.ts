import type { Problem } from '../domain/problems'
import { clusterApiFor, vmApiFor } from '../domain/defaults'
import { resolveTopology } from '../domain/resolve'
import type { LabNode, Topology } from '../domain/topology'
import { buildManifests } from './build-manifests'
import { splitApiVersion, type ExportedObject, type KubeObject } from './kube-object'
import { labContext } from './lab-context'
import type { ExportOptions } from './options'
import { fileHeader, renderDocument, renderDocuments } from './render-yaml'
import { vcenterRequests, type VcenterRequest } from './vcenter-requests'

/** A file of an export, path relative to the export root with `/` separators. */
export interface ExportFile {
  path: string
  content: string
}

export interface ExportResult {
  files: ExportFile[]
  objects: ExportedObject[]
  requests: VcenterRequest[]
  problems: Problem[]
}

/**
 * Where things go: the single YAML of the `yaml` format; in the `dir` format, what a namespace
 * user applies (`manifests/`), what vCenter creates itself, kept for reference (`reference/`),
 * and the vCenter request bodies (`vcenter/`, beside the YAML in the `yaml` format too).
 */
export const MANIFESTS_FILE = 'manifests.yaml'
export const MANIFESTS_DIR = 'manifests'
export const REFERENCE_DIR = 'reference'
export const VCENTER_DIR = 'vcenter'

/**
 * Objects a namespace user cannot apply on a Supervisor: vCenter creates the Namespace, its
 * ResourceQuota, LimitRange and RoleBindings from the namespace request (DOMAIN.md 2), and a
 * namespace role gives no right to create them (applying them gets Forbidden).
 */
const VCENTER_OWNED = new Set([
  '/Namespace',
  '/ResourceQuota',
  '/LimitRange',
  'rbac.authorization.k8s.io/RoleBinding',
])

/** True for what a namespace user may `kubectl apply`; false for what vCenter owns. */
export function namespaceUserApplies(o: KubeObject): boolean {
  return !VCENTER_OWNED.has(`${splitApiVersion(o.apiVersion).group}/${o.kind}`)
}

/**
 * The API versions written: the export's choice, else as each object was imported, else as the
 * domain resolver picks them for the lab's vCenter.
 */
function describeApis(topology: Topology, options: Pick<ExportOptions, 'vmApi' | 'clusterApi'>): string {
  const clusters = {
    'tkc-v1alpha3': 'TanzuKubernetesCluster run.tanzu.vmware.com/v1alpha3',
    'tkc-v1alpha2': 'TanzuKubernetesCluster run.tanzu.vmware.com/v1alpha2',
    'capi-v1beta1': 'Cluster cluster.x-k8s.io/v1beta1 (of its ClusterClass)',
  }
  const r = resolveTopology(topology)
  const versions = new Set(r.ofKind('vcenter').map((v) => r.spec(v as LabNode & { kind: 'vcenter' }).version))
  const version = versions.size === 1 ? [...versions][0] : undefined
  const vmApi = vmApiFor(version, options.vmApi)
  const written = [clusterApiFor(version, 'tkc'), clusterApiFor(version, 'capi')]
    .filter((c) => c.ok)
    .map((c) => (c.value === 'capi-v1beta1' ? 'Cluster v1beta1' : `TKC ${c.value.slice(4)}`))
  const cluster = options.clusterApi
    ? clusters[options.clusterApi]
    : `as each cluster was imported, else as it is set (${written.join(' or ') || `none served by vCenter ${version ?? '?'}`})`
  const vm = options.vmApi
    ? `vmoperator.vmware.com/${options.vmApi}`
    : vmApi.ok
      ? `as each VM was imported, else vmoperator.vmware.com/${vmApi.value}`
      : `none (vCenter ${version ?? '?'} serves none)`
  return `VirtualMachine: ${vm}; clusters: ${cluster}.`
}

function header(labName: string, apis: string, apply: string): string {
  return fileHeader([
    `Produced by Pacific Lab from the lab "${labName}".`,
    apply,
    apis,
    'Comments marked "inferred" or "lab" are the lab\'s choices where the product is not documented.',
  ])
}

const YAML_PARTS = [
  'Two parts, in apply order. First, for reference: what vCenter creates itself from the',
  'namespace requests in vcenter/ (Namespace, ResourceQuota, LimitRange, RoleBindings); a',
  'namespace user cannot apply these (Forbidden). Then what a namespace user applies:',
  `kubectl apply -f ${MANIFESTS_FILE} (the first part is refused, the rest applies).`,
].join('\n# ')

const REFERENCE_MARK =
  'Reference: vCenter creates this part from the namespace requests in vcenter/; a namespace user cannot apply it.'
const USER_MARK = 'What a namespace user applies on the Supervisor.'

/** The section comment before the first object of each part of the one-file export. */
function markParts(objects: readonly ExportedObject[]): ExportedObject[] {
  let part: boolean | null = null
  return objects.map((o) => {
    const user = namespaceUserApplies(o.object)
    if (user === part) return o
    part = user
    return {
      ...o,
      comments: [{ path: [], text: `==== ${user ? USER_MARK : REFERENCE_MARK} ====` }, ...o.comments],
    }
  })
}

const safeName = (name: string) => name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-')

function vcenterFiles(labName: string, requests: readonly VcenterRequest[]): ExportFile[] {
  const readme = [
    `vSphere Automation API requests for the lab "${labName}" (produced by Pacific Lab), in order:`,
    '',
    ...requests.flatMap((r, i) => [
      `${i + 1}. ${r.summary}`,
      `   ${r.method} https://<vcenter>${r.path}`,
      `   body: ${r.file} (checked against ${r.schema} in Pacific Lab's resources/vcenter-schemas)`,
    ]),
    '',
    'Values in <angle brackets> are what vCenter, NSX or the load balancer hold (ids, credentials,',
    'certificates): look them up or fill them in before sending.',
    "The lab's choices: the floating IP is the fourth of the five consecutive management addresses;",
    'a VDS workload network has its gateway on the first address of its CIDR and gives the rest to nodes.',
    'Send each with a session: curl -X POST -H "vmware-api-session-id: $SESSION" \\',
    '  -H "content-type: application/json" -d @<file> "https://<vcenter><path>"',
    '',
  ].join('\n')
  return [
    { path: `${VCENTER_DIR}/README.txt`, content: readme },
    ...requests.map((r) => ({
      path: `${VCENTER_DIR}/${r.file}`,
      content: JSON.stringify(r.body, null, 2) + '\n',
    })),
  ]
}

const REFERENCE_README = [
  `Reference only: vCenter creates these objects itself when it creates each vSphere Namespace`,
  `from the requests in ${VCENTER_DIR}/; a namespace user cannot apply them (Forbidden). They are`,
  `written here so the design reads complete; what a namespace user applies is in ${MANIFESTS_DIR}/.`,
  '',
].join('\n')

/** One folder per namespace, numbered in apply order, each file one object. */
function folderFiles(root: string, objects: readonly ExportedObject[], head: string): ExportFile[] {
  const byFolder = new Map<string, ExportedObject[]>()
  for (const o of objects) byFolder.set(o.folder, [...(byFolder.get(o.folder) ?? []), o])
  const files: ExportFile[] = []
  for (const [folder, list] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const width = Math.max(2, String(list.length).length)
    list.forEach((o, i) => {
      const n = String(i + 1).padStart(width, '0')
      const name = `${n}-${o.object.kind.toLowerCase()}-${safeName(o.object.metadata.name)}.yaml`
      files.push({ path: `${root}/${safeName(folder)}/${name}`, content: head + '---\n' + renderDocument(o) })
    })
  }
  return files
}

/**
 * The file set of an export. `yaml` is one multi-document file, the part vCenter creates first
 * and marked as reference; `dir` (and `zip`, which packs the same files) splits them:
 * `manifests/<ns>/` holds only what a namespace user may `kubectl apply -R -f manifests/`,
 * `reference/<ns>/` what vCenter creates. The vCenter requests sit in `vcenter/` either way.
 */
export function exportFiles(topology: Topology, labName: string, options: ExportOptions): ExportResult {
  const { objects, problems } = buildManifests(topology, options)
  const requests = vcenterRequests(labContext(topology))
  const files: ExportFile[] = []
  const apis = describeApis(topology, options)
  if (options.format === 'yaml') {
    const ordered = [
      ...objects.filter((o) => !namespaceUserApplies(o.object)),
      ...objects.filter((o) => namespaceUserApplies(o.object)),
    ]
    files.push({
      path: MANIFESTS_FILE,
      content: renderDocuments(header(labName, apis, YAML_PARTS), markParts(ordered)),
    })
  } else {
    const user = objects.filter((o) => namespaceUserApplies(o.object))
    const reference = objects.filter((o) => !namespaceUserApplies(o.object))
    files.push(
      ...folderFiles(
        MANIFESTS_DIR,
        user,
        header(
          labName,
          apis,
          `What a namespace user applies on the Supervisor: kubectl apply -R -f ${MANIFESTS_DIR}/`,
        ),
      ),
    )
    if (reference.length)
      files.push(
        { path: `${REFERENCE_DIR}/README.txt`, content: REFERENCE_README },
        ...folderFiles(
          REFERENCE_DIR,
          reference,
          header(
            labName,
            apis,
            `Reference only: vCenter creates this object from the requests in ${VCENTER_DIR}/; do not apply it.`,
          ),
        ),
      )
  }
  files.push(...vcenterFiles(labName, requests))
  return { files, objects, requests, problems }
}
