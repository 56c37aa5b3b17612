import { generateLargeLab } from '../src/shared/domain/large-lab'
import { validateTopology } from '../src/shared/domain/validation/validate'
import { createCursor } from '../src/shared/engine/cursor'
import { plan } from '../src/shared/engine/plan'
import { random } from '../src/shared/engine/prng'
import { initialState } from '../src/shared/engine/state'
import { percentile, round, type Benchmark } from './harness'

/** Planning a large lab (64 hosts, 50 namespaces, 10,000 vSphere Pods) and seeking through it. */
export const engineBenchmark: Benchmark = {
  name: 'engine',
  run() {
    const lab = generateLargeLab({ hosts: 64, namespaces: 50, pods: 10_000 })
    validateTopology(lab.topology)
    const v0 = performance.now()
    const problems = validateTopology(lab.topology)
    const validateMs = performance.now() - v0
    plan(lab.topology, undefined, 1) // warm-up
    const started = performance.now()
    const run = plan(lab.topology, undefined, 1)
    const planMs = performance.now() - started
    const cursor = createCursor(run, initialState(lab.topology))
    const n = run.steps.length
    // Far seeks: 1,000 random targets (seeded, so every run measures the same jumps).
    const seeks: number[] = []
    for (let i = 0; i < 1000; i++) {
      const target = Math.floor(random(42, i) * (n + 1))
      const t0 = performance.now()
      cursor.seek(target)
      seeks.push(performance.now() - t0)
    }
    seeks.sort((a, b) => a - b)
    // Single steps forward and back from the middle of the run.
    cursor.seek(Math.floor(n / 2))
    const singles: number[] = []
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now()
      if (i % 2 === 0) cursor.forward()
      else cursor.back()
      singles.push(performance.now() - t0)
    }
    singles.sort((a, b) => a - b)
    return Promise.resolve({
      steps: n,
      validateMs: round(validateMs, 1),
      validateProblems: problems.length,
      planMs: round(planMs, 1),
      stepsPerSecond: round(n / (planMs / 1000), 0),
      seekMedianMs: round(percentile(seeks, 50)),
      seekP99Ms: round(percentile(seeks, 99)),
      singleStepMedianMs: round(percentile(singles, 50), 4),
      singleStepP99Ms: round(percentile(singles, 99), 4),
    })
  },
}
