import { useState } from 'react'

import { injectFault } from '../stores/playback-actions'
import { selectBusy, selectSeq, selectTopology, usePlaybackStore } from '../stores/playback-store'
import type { FaultKind } from '../../../shared/engine/types'

const KINDS: { kind: FaultKind; label: string; targetKind: 'host' | 'namespace' | 'registry' }[] = [
  { kind: 'host-failure', label: 'Host failure', targetKind: 'host' },
  { kind: 'host-maintenance', label: 'Maintenance mode', targetKind: 'host' },
  { kind: 'registry-outage', label: 'Registry outage', targetKind: 'registry' },
  { kind: 'quota-change', label: 'Quota change', targetKind: 'namespace' },
  { kind: 'ip-exhaustion', label: 'NSX IP exhaustion', targetKind: 'namespace' },
]

/** Injects a fault at the next step; the run branches and the branch is loaded. */
export function FaultForm({ presetHost }: { presetHost?: string }) {
  const topology = usePlaybackStore(selectTopology)
  const seq = usePlaybackStore(selectSeq)
  const busy = usePlaybackStore(selectBusy)
  const [kind, setKind] = useState<FaultKind>('host-failure')
  const [target, setTarget] = useState(presetHost ?? '')
  const [value, setValue] = useState('')
  const def = KINDS.find((k) => k.kind === kind)!
  const targets = (topology?.nodes ?? []).filter((n) => n.kind === def.targetKind)
  const chosen =
    def.targetKind === 'registry'
      ? target
      : targets.some((t) => t.id === target)
        ? target
        : (targets[0]?.id ?? '')
  const submit = () =>
    void injectFault({
      kind,
      target: chosen || 'docker.io',
      ...(value.trim() ? { value: value.trim() } : {}),
    })
  return (
    <fieldset className="fault-form" data-testid="fault-form">
      <legend>Inject a fault at step {seq + 1}</legend>
      <select
        data-testid="fault-kind"
        aria-label="Fault"
        value={kind}
        onChange={(e) => setKind(e.target.value as FaultKind)}
      >
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {def.targetKind === 'registry' ? (
        <input
          aria-label="Registry host"
          placeholder="docker.io"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      ) : (
        <select
          data-testid="fault-target"
          aria-label="Target"
          value={chosen}
          onChange={(e) => setTarget(e.target.value)}
        >
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      )}
      {kind === 'quota-change' || kind === 'registry-outage' ? (
        <input
          aria-label="Value"
          placeholder={kind === 'quota-change' ? 'pods=0' : 'outage ms'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      ) : null}
      <button type="button" data-testid="inject-fault" disabled={busy} onClick={submit}>
        Inject and branch
      </button>
    </fieldset>
  )
}
