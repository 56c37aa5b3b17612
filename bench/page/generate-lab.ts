import { defaultSpec } from '../../src/shared/domain/specs'
import type { LabNode, Topology } from '../../src/shared/domain/topology'

/**
 * A lab of `total` nodes: half hosts in clusters of 40 under one vCenter, half pods in
 * namespaces of 40 under one Supervisor, laid out in grids.
 */
export function generateLab(total: number): Topology {
  const nodes: LabNode[] = []
  const add = (id: string, kind: LabNode['kind'], parentId: string | null, x: number, y: number) =>
    nodes.push({ id, kind, name: id, parentId, position: { x, y }, spec: defaultSpec(kind) })
  const perGroup = 40
  // Each group of 40 leaves is itself a node: 41 nodes per 40 leaves.
  const leaves = Math.max(0, Math.round(((total - 2) * perGroup) / (perGroup + 1)))
  const hosts = Math.ceil(leaves / 2)
  const pods = leaves - hosts
  add('vc', 'vcenter', null, 0, 0)
  add('sv', 'supervisor', null, 0, 0)
  const fill = (
    count: number,
    groupKind: 'cluster' | 'namespace',
    leafKind: 'host' | 'pod',
    root: string,
  ) => {
    const groups = Math.ceil(count / perGroup)
    for (let g = 0; g < groups; g++) {
      const gid = `${root}-${groupKind}-${g}`
      add(gid, groupKind, root, 20 + (g % 5) * 1700, 50 + Math.floor(g / 5) * 800)
      for (let i = 0; i < perGroup && g * perGroup + i < count; i++)
        add(`${gid}-${leafKind}-${i}`, leafKind, gid, 20 + (i % 8) * 200, 50 + Math.floor(i / 8) * 80)
    }
  }
  fill(hosts, 'cluster', 'host', 'vc')
  fill(pods, 'namespace', 'pod', 'sv')
  const vc = nodes.find((n) => n.id === 'vc')
  const rows = Math.ceil(Math.ceil(hosts / perGroup) / 5)
  const sv = nodes.find((n) => n.id === 'sv')
  if (vc && sv) sv.position = { x: 0, y: vc.position.y + rows * 800 + 200 }
  nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { nodes, links: [] }
}
