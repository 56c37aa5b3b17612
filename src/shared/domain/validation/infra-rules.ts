import { isKind } from '../resolve'
import { finding, type Finding, type Rule } from './rule'

/** Supervisor and cluster prerequisites (DOMAIN.md 1.1, 1.2, 4a step 0, 6.4). */
export const INFRA_RULES: readonly Rule[] = [
  {
    code: 'supervisor-cluster-count',
    severity: 'error',
    kinds: ['supervisor'],
    source: 'DOMAIN.md 1.2',
    check(node, r) {
      if (!isKind(node, 'supervisor')) return null
      const zones = r.spec(node).zones
      const count = r.clustersOf(node.id).length
      if (count === zones) return null
      return finding(
        `Supervisor "${node.name}" is bound to ${count} cluster(s); a ${zones}-zone Supervisor needs exactly ${zones}`,
        zones === 1
          ? 'Connect the Supervisor to one vSphere cluster'
          : 'Connect the Supervisor to three clusters, one per zone',
      )
    },
  },
  {
    code: 'cluster-in-two-supervisors',
    severity: 'error',
    kinds: ['cluster'],
    source: 'DOMAIN.md 1.2',
    check(node, r) {
      const svs = r.supervisorsOf(node.id)
      if (svs.length <= 1) return null
      return finding(
        `Cluster "${node.name}" is bound to ${svs.length} Supervisors (${svs.map((s) => s.name).join(', ')}); a cluster serves one`,
        'Remove all but one Supervisor link from this cluster',
      )
    },
  },
  {
    code: 'supervisor-needs-3-hosts',
    severity: 'error',
    kinds: ['cluster'],
    source: 'DOMAIN.md 1.1, 6.4',
    check(node, r) {
      if (!isKind(node, 'cluster') || r.supervisorsOf(node.id).length === 0) return null
      const vsan = r.spec(node).vsan
      const need = vsan ? 4 : 3
      const have = r.hostsOf(node.id).length
      if (have >= need) return null
      return finding(
        `Cluster "${node.name}" has ${have} host(s); a Supervisor needs at least ${need}${vsan ? ' with vSAN' : ''}`,
        `Add ${need - have} ESXi host(s) to the cluster`,
      )
    },
  },
  {
    code: 'cluster-ha-drs',
    severity: 'error',
    kinds: ['cluster'],
    source: 'DOMAIN.md 1.1, 4a',
    check(node, r) {
      if (!isKind(node, 'cluster') || r.supervisorsOf(node.id).length === 0) return null
      const spec = r.spec(node)
      const out: Finding[] = []
      if (!spec.haEnabled)
        out.push(finding(`Cluster "${node.name}" has vSphere HA off; a Supervisor needs it on`, 'Turn on HA'))
      if (!spec.drsEnabled || spec.drsAutomation !== 'fullyAutomated')
        out.push(
          finding(
            `Cluster "${node.name}" has DRS ${spec.drsEnabled ? spec.drsAutomation : 'off'}; a Supervisor needs DRS fully automated`,
            'Turn on DRS and set it to fully automated',
          ),
        )
      return out
    },
  },
  {
    code: 'supervisor-network-missing',
    severity: 'error',
    kinds: ['supervisor'],
    source: 'DOMAIN.md 4a',
    check(node, r) {
      if (!isKind(node, 'supervisor') || r.networkOf(node.id)) return null
      const name = r.spec(node).network
      return finding(
        name === ''
          ? `Supervisor "${node.name}" names no network stack`
          : `Supervisor "${node.name}" names network "${name}", which is not in the lab`,
        'Add an NSX or VDS network stack to the vCenter and name it in the Supervisor',
      )
    },
  },
  {
    code: 'supervisor-storage-policy-missing',
    severity: 'warning',
    kinds: ['supervisor'],
    source: 'DOMAIN.md 1.1',
    check(node, r) {
      if (!isKind(node, 'supervisor')) return null
      const name = r.spec(node).controlPlaneStoragePolicy
      if (name !== '' && r.byName('storage-policy', name)) return null
      return finding(
        `Supervisor "${node.name}" has no storage policy for its control-plane VMs`,
        'Choose a storage policy for the control plane',
      )
    },
  },
  {
    code: 'supervisor-size-unverified',
    severity: 'info',
    kinds: ['supervisor'],
    source: 'DOMAIN.md 6.2',
    check(node) {
      return finding(
        `Control-plane VM sizes for "${node.name}" are unverified (remembered, not read in a source)`,
        'Check them against GET /api/vcenter/namespace-management/cluster-size-info',
      )
    },
  },
]
