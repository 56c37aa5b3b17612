import type { Problem } from '../domain/problems'
import { clusterApiFor, vmApiFor } from '../domain/defaults'
import { resolveTopology } from '../domain/resolve'
import type { LabNode, Topology } from '../domain/topology'
import { buildManifests } from './build-manifests'
import type { ExportedObject } from './kube-object'
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
  problems: Problem[]
}

/** Where the single YAML goes in the `yaml` format, and the folder of the `dir` format. */
export const MANIFESTS_FILE = 'manifests.yaml'
export const MANIFESTS_DIR = 'manifests'
export const VCENTER_DIR = 'vcenter'

/** The API versions written, as the domain resolver picks them for the lab's vCenter. */
function describeApis(topology: Topology, options: Pick<ExportOptions, 'vmApi' | 'clusterApi'>): string {
  const clusters = {
    'tkc-v1alpha3': 'TanzuKubernetesCluster run.tanzu.vmware.com/v1alpha3',
    'tkc-v1alpha2': 'TanzuKubernetesCluster run.tanzu.vmware.com/v1alpha2',
    'capi-v1beta1': 'Cluster cluster.x-k8s.io/v1beta1 (class tanzukubernetescluster)',
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
    : `as each cluster is set (${written.join(' or ') || `none served by vCenter ${version ?? '?'}`})`
  const vm = vmApi.ok
    ? `vmoperator.vmware.com/${vmApi.value}`
    : `none (vCenter ${version ?? '?'} serves none)`
  return `VirtualMachine: ${vm}; clusters: ${cluster}.`
}

function header(labName: string, apis: string, apply: string): string {
  return fileHeader([
    `Produced by Pacific Lab from the lab "${labName}".`,
    `What to apply on the Supervisor, in apply order: ${apply}`,
    'vCenter itself creates the Namespace, ResourceQuota, LimitRange and RoleBindings from the',
    'namespace request in vcenter/; they are written here so the design reads complete.',
    apis,
    'Comments marked "inferred" or "lab" are the lab\'s choices where the product is not documented.',
  ])
}

const safeName = (name: string) => name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-')

function vcenterFiles(labName: string, requests: readonly VcenterRequest[]): ExportFile[] {
  const readme = [
    `vSphere Automation API requests for the lab "${labName}" (produced by Pacific Lab), in order:`,
    '',
    ...requests.flatMap((r, i) => [
      `${i + 1}. ${r.summary}`,
      `   ${r.method} https://<vcenter>${r.path}`,
      `   body: ${r.file}`,
    ]),
    '',
    'Values in <angle brackets> are ids that vCenter or NSX assign: look them up before sending.',
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

/**
 * The file set of an export: `yaml` is one multi-document file; `dir` (and `zip`, which packs
 * the same files) is a folder per namespace with numbered files in apply order, so
 * `kubectl apply -R -f manifests/` works. The vCenter requests sit beside them either way.
 */
export function exportFiles(topology: Topology, labName: string, options: ExportOptions): ExportResult {
  const { objects, problems } = buildManifests(topology, options)
  const requests = vcenterRequests(labContext(topology))
  const files: ExportFile[] = []
  const apis = describeApis(topology, options)
  if (options.format === 'yaml') {
    files.push({
      path: MANIFESTS_FILE,
      content: renderDocuments(header(labName, apis, `kubectl apply -f ${MANIFESTS_FILE}`), objects),
    })
  } else {
    const byFolder = new Map<string, ExportedObject[]>()
    for (const o of objects) byFolder.set(o.folder, [...(byFolder.get(o.folder) ?? []), o])
    for (const [folder, list] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const width = Math.max(2, String(list.length).length)
      list.forEach((o, i) => {
        const n = String(i + 1).padStart(width, '0')
        const name = `${n}-${o.object.kind.toLowerCase()}-${safeName(o.object.metadata.name)}.yaml`
        files.push({
          path: `${MANIFESTS_DIR}/${safeName(folder)}/${name}`,
          content:
            header(labName, apis, `kubectl apply -R -f ${MANIFESTS_DIR}/`) + '---\n' + renderDocument(o),
        })
      })
    }
  }
  files.push(...vcenterFiles(labName, requests))
  return { files, objects, problems }
}
