/** The seed deck's seven steps of a vSphere Pod (DESIGN.md 4), as the step detail names them. */
export const SEED_STEPS: Record<number, string> = {
  1: 'The spec is submitted through the API VIP load balancer to kube-apiserver',
  2: 'kube-scheduler filters the hosts and DRS picks one',
  3: 'The VM (CRX) is created and its id returned',
  4: 'The Spherelet configures the pod',
  5: 'NSX gives the pod its network identity and vNIC',
  6: 'Images come from the image service; hostd attaches the VMDKs',
  7: 'The guest and the containers start',
}

/** What a user would change to get past a failure, by failure code. */
export const FIXES: Record<string, string> = {
  'quota-exceeded':
    'Raise the namespace quota (or the LimitRange defaults), or lower the requests and limits.',
  'no-feasible-host':
    'Add a host or capacity to the cluster, take a host out of maintenance, or lower the requests.',
  'image-pull-backoff':
    'Fix the image reference or the registry (credentials, reachability), then the pull retries.',
  'image-pull-failed': 'Fix the image reference or the registry (credentials, reachability).',
  'registry-outage': 'Wait for the registry to come back, or mirror the image into the Supervisor registry.',
  'ip-exhausted': 'Widen the namespace network CIDR or free addresses.',
  'namespace-not-running': 'Let the namespace become Running first, or fix what stops it.',
  'not-in-namespace': 'Move the workload into a vSphere Namespace.',
  'pod-lost':
    'The host failed; vSphere Pods are not restarted by HA. Recreate the pod (a Deployment does it for you).',
  'supervisor-not-running': 'Enable the Supervisor first, or fix what stops it.',
  'supervisor-incompatible': 'Use a Supervisor networking stack and version that support this workload.',
  'vm-class-not-bound': 'Bind the VM class to the namespace.',
  'vm-image-not-found': 'Add the image to a content library bound to the namespace.',
  'storage-class-not-bound': 'Assign the storage policy to the namespace.',
  'pods-not-supported': 'vSphere Pods need NSX networking; use a Tanzu Kubernetes cluster instead.',
  'unsupported-spec': 'Remove the unsupported field from the pod spec.',
}

export const fixFor = (code: string) =>
  FIXES[code] ?? 'Read the reason above, change the lab to remove it, and provision again.'
