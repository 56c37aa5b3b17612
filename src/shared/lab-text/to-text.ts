import { Document, isPair, isScalar, isSeq, visit } from 'yaml'

import { ALLOWED_PARENTS, isWorkloadKind, type Kind } from '../domain/kinds'
import type { LabDocument } from '../domain/lab-document'
import type { LabNode, Link } from '../domain/topology'
import {
  ID_ANNOTATION,
  LAB_TEXT_FORMAT,
  POSITION_ANNOTATION,
  VCENTER_CHILDREN,
  WORKLOAD_TYPES,
} from './format'

type Obj = Record<string, unknown>

/**
 * Writes a lab as `.lab.yaml` text. Every node and link is written with its id, position and
 * full spec, so reading the text back gives the same lab. Nodes that do not sit in the
 * infrastructure tree (platform-created kinds, unusual parents) go to `otherNodes` as stored.
 */
export function labToText(doc: LabDocument): string {
  const { nodes, links } = doc.topology
  const children = new Map<string | null, LabNode[]>()
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n])
  const written = new Set<string>()
  const writtenLinks = new Set<string>()
  const kids = (parent: LabNode | null, kind: Kind) =>
    (children.get(parent?.id ?? null) ?? []).filter(
      (n) => n.kind === kind && ALLOWED_PARENTS[kind].includes(parent?.kind ?? null),
    )

  const item = (n: LabNode, extra: Obj = {}): Obj => {
    written.add(n.id)
    return { id: n.id, name: n.name, position: [n.position.x, n.position.y], spec: n.spec, ...extra }
  }
  const vcenters = kids(null, 'vcenter').map((vc) => {
    const extra: Obj = {}
    for (const [key, kind] of VCENTER_CHILDREN) {
      const list = kids(vc, kind).map((c) =>
        kind === 'cluster' ? item(c, { hosts: kids(c, 'host').map((h) => item(h)) }) : item(c),
      )
      if (list.length > 0) extra[key] = list
    }
    return item(vc, extra)
  })
  const supervisors = kids(null, 'supervisor').map((sv) => {
    const bindings = links
      .filter((l) => l.kind === 'supervisor-cluster' && l.source === sv.id)
      .map((l) => {
        writtenLinks.add(l.id)
        return { cluster: l.target, link: l.id }
      })
    const namespaces = kids(sv, 'namespace').map((ns) => {
      const workloads = (children.get(ns.id) ?? []).filter((n) => isWorkloadKind(n.kind)).map(workloadObject)
      for (const w of children.get(ns.id) ?? []) if (isWorkloadKind(w.kind)) written.add(w.id)
      return item(ns, workloads.length > 0 ? { workloads } : {})
    })
    const services = kids(sv, 'supervisor-service').map((svc) => item(svc))
    return item(sv, {
      clusters: bindings,
      ...(services.length > 0 ? { services } : {}),
      ...(namespaces.length > 0 ? { namespaces } : {}),
    })
  })
  const otherNodes = nodes
    .filter((n) => !written.has(n.id))
    .map((n) => ({ ...n, position: [n.position.x, n.position.y] }))
  const otherLinks: Link[] = links.filter((l) => !writtenLinks.has(l.id))

  const body: Obj = { format: LAB_TEXT_FORMAT, name: doc.name, description: doc.description }
  if (vcenters.length > 0) body['vcenters'] = vcenters
  if (supervisors.length > 0) body['supervisors'] = supervisors
  if (otherNodes.length > 0) body['otherNodes'] = otherNodes
  if (otherLinks.length > 0) body['otherLinks'] = otherLinks
  const yaml = new Document(body, { version: '1.1' })
  // Positions and the paths of kept fields read best on one line: `position: [20, 50]` (a list,
  // since YAML 1.1 reads a bare `y:` key as the boolean true), `path: [spec, replicas]`.
  visit(yaml, {
    Pair(_, pair) {
      const key = isPair(pair) && isScalar(pair.key) ? pair.key.value : undefined
      if ((key === 'position' || key === 'path') && isSeq(pair.value)) pair.value.flow = true
    },
  })
  yaml.commentBefore = ` Pacific Lab lab as code (${LAB_TEXT_FORMAT}); the format is described in docs/lab-format.md`
  return yaml.toString({ lineWidth: 0 })
}

function workloadObject(n: LabNode): Obj {
  const tkcApi = n.kind === 'tkc' ? (n.spec['api'] === 'capi' ? 'capi' : 'tkc') : undefined
  const type = WORKLOAD_TYPES.find((t) => t.kind === n.kind && t.tkcApi === tkcApi)
  if (!type) throw new Error(`no object type for a ${n.kind}`)
  const spec = { ...n.spec }
  // The kind says which API a TKC uses; writing spec.api too would say it twice.
  if (n.kind === 'tkc') delete spec['api']
  return {
    apiVersion: type.apiVersion,
    kind: type.objectKind,
    metadata: {
      name: n.name,
      annotations: { [ID_ANNOTATION]: n.id, [POSITION_ANNOTATION]: `${n.position.x},${n.position.y}` },
    },
    spec,
  }
}
