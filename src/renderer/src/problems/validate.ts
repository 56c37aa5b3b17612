import { KIND_LABELS } from '../../../shared/domain/kinds'
import { dnsLabelProblem } from '../../../shared/domain/names'
import type { Problem } from '../../../shared/domain/problems'
import { ancestorOfKind, indexTopology, type Topology } from '../../../shared/domain/topology'

/**
 * The one import point of live validation for the renderer. For now a few basic checks live
 * here; the integrator swaps the body for the domain's `validateTopology`.
 */
export function validateTopology(topology: Topology): Problem[] {
  const index = indexTopology(topology)
  const problems: Problem[] = []
  for (const node of topology.nodes) {
    const nameProblem = dnsLabelProblem(node.name)
    if (nameProblem)
      problems.push({
        severity: 'error',
        code: 'name-not-dns-label',
        objectId: node.id,
        message: `${KIND_LABELS[node.kind]} name: ${nameProblem}.`,
        hint: 'Rename it in the inspector (lower-case letters, digits and "-").',
      })
    if (node.kind === 'supervisor') {
      const links = topology.links.filter((l) => l.source === node.id)
      if (links.length === 0)
        problems.push({
          severity: 'error',
          code: 'supervisor-not-bound',
          objectId: node.id,
          message: `Supervisor ${node.name} is not bound to a vSphere cluster.`,
          hint: 'Drag from the Supervisor’s handle to a cluster.',
        })
      for (const link of links) {
        const cluster = index.byId.get(link.target)
        if (!cluster) continue
        const hosts = (index.children.get(cluster.id) ?? []).filter((c) => c.kind === 'host').length
        if (hosts < 3)
          problems.push({
            severity: 'error',
            code: 'supervisor-needs-3-hosts',
            objectId: cluster.id,
            message: `Cluster ${cluster.name} has ${hosts} host${hosts === 1 ? '' : 's'}; a Supervisor needs at least 3.`,
            hint: 'Drag ESXi hosts from the palette into the cluster.',
          })
        if (cluster.spec['haEnabled'] !== true)
          problems.push({
            severity: 'error',
            code: 'supervisor-needs-ha',
            objectId: cluster.id,
            message: `vSphere HA is off on cluster ${cluster.name}; the Supervisor needs it on.`,
            hint: 'Select the cluster and turn on HA in the inspector.',
          })
        if (cluster.spec['drsEnabled'] !== true || cluster.spec['drsAutomation'] !== 'fullyAutomated')
          problems.push({
            severity: 'error',
            code: 'supervisor-needs-drs-full',
            objectId: cluster.id,
            message: `DRS on cluster ${cluster.name} is not enabled and fully automated.`,
            hint: 'Select the cluster, enable DRS and set automation to fullyAutomated.',
          })
      }
    }
    if (node.kind === 'pod') {
      const supervisor = ancestorOfKind(index, node.id, 'supervisor')
      const networkName = supervisor?.spec['network']
      const network = topology.nodes.find((n) => n.kind === 'network' && n.name === networkName)
      if (supervisor && network && network.spec['type'] !== 'nsx')
        problems.push({
          severity: 'error',
          code: 'pod-needs-nsx',
          objectId: node.id,
          message: `vSphere Pod ${node.name} runs on Supervisor ${supervisor.name}, whose network ${network.name} is not NSX.`,
          hint: 'Use an NSX network stack for the Supervisor, or run the workload in a TKC or VM.',
        })
    }
  }
  return problems
}
