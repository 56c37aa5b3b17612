import { serviceNamespaceOf } from '../domain/rules/placement-of'
import { SUPERVISOR_SERVICES } from '../domain/rules/supervisor-services'
import type { ResolvedTopology } from '../domain/resolve'
import type { LabNode } from '../domain/topology'
import type { ExportedObject } from './kube-object'

/**
 * What installing a Supervisor Service creates on the Supervisor that a manifest can show: its
 * own namespace, `svc-<service>-domain-c<N>` (rules/placement-of.ts), which vCenter creates
 * (reference only, like a vSphere Namespace). What the service's package deploys inside it is
 * the service's own and not written. VKS, a core service, runs on the control plane.
 */
export function serviceObjects(r: ResolvedTopology): ExportedObject[] {
  const out: ExportedObject[] = []
  for (const svc of r.ofKind('supervisor-service') as (LabNode & { kind: 'supervisor-service' })[]) {
    const spec = r.spec(svc)
    const entry = SUPERVISOR_SERVICES[spec.service]
    if (entry.core) continue
    const name = serviceNamespaceOf(r, svc)
    out.push({
      object: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      },
      comments: [
        {
          path: ['metadata', 'name'],
          text: `vCenter creates this namespace when it installs ${entry.label}; the name pattern is inferred from public scripts, the cluster number stands for the cluster MoID`,
        },
      ],
      nodeId: svc.id,
      folder: name,
    })
  }
  return out
}
