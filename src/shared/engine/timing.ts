import { random } from './prng'

/**
 * How long each action takes in simulated ms: [base, jitter]. A step lasts base plus a seeded
 * share of jitter. The figures are plausible orders of magnitude for a lab, not measurements.
 */
export const TIMING: Readonly<Record<string, readonly [number, number]>> = {
  // 4a: enabling a Supervisor
  'supervisor-enable': [800, 400],
  'supervisor-checks': [4000, 2000],
  'supervisor-infra': [60000, 20000],
  'cp-vm-deploy': [90000, 30000],
  'cp-configured': [240000, 60000],
  'spherelet-install': [40000, 10000],
  'api-vip': [8000, 4000],
  'supervisor-defaults': [5000, 2000],
  'supervisor-ready': [500, 200],
  // Supervisor Services (docs/platform-facts.md)
  'service-register': [2000, 1000],
  'service-install': [30000, 10000],
  'service-namespace': [5000, 2000],
  'service-pod': [15000, 5000],
  'service-ready': [1000, 500],
  // 4b: namespaces
  'namespace-create': [600, 300],
  'namespace-objects': [2000, 1000],
  'namespace-network': [6000, 3000],
  'namespace-storage': [1500, 500],
  'namespace-rbac': [800, 400],
  'namespace-vmservice': [1000, 500],
  'namespace-ready': [300, 100],
  // 4c: vSphere Pods
  'pod-submit': [40, 20],
  'pod-admit': [30, 20],
  'pod-filter-score': [20, 10],
  'pod-drs-place': [120, 60],
  'crx-create': [1500, 500],
  'vm-id-returned': [20, 10],
  'spherelet-configure': [300, 100],
  'nsx-vnic': [400, 200],
  'image-pull': [3500, 2000],
  'image-pull-failed': [1000, 500],
  'vmdk-attach': [500, 200],
  'containers-start': [1200, 400],
  'pod-running': [50, 20],
  'pod-pending': [20, 10],
  // 4d: VM Service VMs
  'vm-submit': [50, 20],
  'vm-webhooks': [60, 30],
  'vm-prereqs': [200, 100],
  'vm-network': [1500, 500],
  'vm-place': [300, 100],
  'vm-deploy': [45000, 15000],
  'vm-power-on': [8000, 3000],
  'vm-guest': [50000, 20000],
  // 4e: clusters
  'tkc-submit': [60, 20],
  'tkc-render': [2000, 1000],
  'tkc-resource-policy': [3000, 1000],
  'tkc-endpoint': [6000, 2000],
  'tkc-machine': [1500, 500],
  'tkc-node-joined': [30000, 10000],
  'tkc-addons': [60000, 20000],
  'tkc-ready': [500, 200],
  // PVC, Service
  'pvc-submit': [40, 20],
  'pvc-create-volume': [4000, 2000],
  'service-submit': [40, 20],
  'service-vip': [3000, 1500],
  // deletions and faults
  delete: [1000, 500],
  fault: [0, 0],
  'ha-restart': [60000, 30000],
  vmotion: [20000, 10000],
  evict: [500, 200],
}

/** The duration of the `counter`-th draw for `action`; pure in (seed, counter). */
export function durationOf(action: string, seed: number, counter: number): number {
  const [base, jitter] = TIMING[action] ?? TIMING['delete']!
  return base + Math.floor(random(seed, counter) * (jitter + 1))
}
