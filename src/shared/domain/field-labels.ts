/**
 * A readable label from a spec key: `cpuMhzPerCore` becomes "MHz per core", `nodePools`
 * "node pools". The inspector labels its fields with it and messages name fields with it.
 */
export function labelOf(key: string): string {
  const words = key
    .replace(/MiB$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
  return (LABELS[key] ?? words).trim()
}

const LABELS: Readonly<Record<string, string>> = {
  haEnabled: 'vSphere HA',
  drsEnabled: 'DRS',
  drsAutomation: 'DRS automation',
  vsan: 'vSAN',
  vsanFileServices: 'vSAN File Services (ReadWriteMany volumes)',
  zonal: 'zonal (storage in every zone)',
  cpuCores: 'CPU cores',
  cpuMhzPerCore: 'MHz per core',
  memoryMiB: 'memory',
  activeCpuMhz: 'busy CPU (MHz)',
  activeMemoryMiB: 'busy memory',
  cpuLimitMhz: 'CPU limit (MHz)',
  failuresToTolerate: 'failures to tolerate (FTT)',
  allowOnlyPort443: 'block ports other than 443 (NetworkPolicy)',
  auditLogs: 'audit logs (lab annotation)',
  drSite: 'DR site (lab annotation)',
  snapshotSchedule: 'snapshot schedule (lab annotation)',
  t0Gateway: 'T0 gateway',
}
