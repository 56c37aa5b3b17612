import { serviceVersionOf, SUPERVISOR_SERVICES } from '../domain/rules/supervisor-services'
import type { SpecOf } from '../domain/specs'
import type { LabNode } from '../domain/topology'
import { SERVICE_REGISTER_PATH, serviceInstallPath, type VcenterApiShape } from '../domain/vcenter-api-shape'
import type { LabContext } from './lab-context'
import { placeholder, seqName } from './vcenter-enable'
import type { VcenterRequest } from './vcenter-requests'

/**
 * The requests that put a Supervisor Service on a Supervisor ([API-SVC], [API-90]): register
 * the service and its version with vCenter (a Carvel package from 8.0, the vSphere application
 * format before), then install it on the Supervisor: per cluster before 9.0
 * (ClusterSupervisorServices), per Supervisor from 9.0. VKS is a core service that vCenter
 * registers and installs with the Supervisor ([D8-TKGS]): nothing to send for it.
 */
export function serviceRequests(
  ctx: LabContext,
  svc: LabNode,
  supervisor: LabNode,
  shape: VcenterApiShape,
  seq: number,
): VcenterRequest[] {
  const spec = svc.spec as Partial<SpecOf<'supervisor-service'>>
  const key = spec.service ?? 'harbor'
  const entry = SUPERVISOR_SERVICES[key]
  if (entry.core) return []
  const version = serviceVersionOf(key, spec.version ?? '')
  const content = placeholder(
    `base64 of the ${shape.carvelServices ? 'Carvel Package and PackageMetadata' : 'service definition'} YAML of ${entry.label} ${version}`,
  )
  const register: VcenterRequest = {
    method: 'POST',
    path: SERVICE_REGISTER_PATH,
    file: seqName(seq, `register-service-${svc.name}`),
    body: shape.carvelServices
      ? { carvel_spec: { version_spec: { content } } }
      : { vsphere_spec: { version_spec: { content } } },
    summary: `Register ${entry.label} ${version} with vCenter`,
    schema: shape.carvelServices
      ? 'services/supervisor-services-create-spec-carvel.json'
      : 'services/supervisor-services-create-spec.json',
    nodeId: svc.id,
  }
  const cluster = ctx.clustersOf(supervisor)[0]?.name ?? '(not bound)'
  const install: VcenterRequest = {
    method: 'POST',
    path: serviceInstallPath(
      shape,
      placeholder(`id of Supervisor ${supervisor.name}`),
      placeholder(`MoID of cluster ${cluster}`),
    ),
    file: seqName(seq + 1, `install-service-${svc.name}`),
    body: { supervisor_service: entry.serviceId, version },
    summary: `Install ${entry.label} ${version} on Supervisor ${supervisor.name}`,
    schema: shape.servicesBySupervisor
      ? 'services/supervisors-supervisor-services-create-spec.json'
      : 'services/cluster-supervisor-services-create-spec.json',
    nodeId: svc.id,
  }
  return [register, install]
}
