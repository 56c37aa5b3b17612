import { generateLargeLab } from '../src/shared/domain/large-lab'
import { validateLab } from '../src/shared/engine/validate-lab'
import { createCursor } from '../src/shared/engine/cursor'
import { plan } from '../src/shared/engine/plan'
import { random } from '../src/shared/engine/prng'
import { initialState } from '../src/shared/engine/state'
import { headlessScale } from './engine-scale'
import { percentile, round, type Benchmark } from './harness'

/**
 * Planning a large lab (64 hosts, 50 namespaces, 10,000 vSphere Pods) and seeking through it;
 * then headless CLI runs of it and of a 100,000-pod lab, each in a process of its own.
 */
export const engineBenchmark: Benchmark = {
  name: 'engine',
  run() {
    const lab = generateLargeLab({ hosts: 64, namespaces: 50, pods: 10_000 })
    // Warm-up on a tenth of the lab: the JIT learns the same paths, and the measured plan does
    // not pay to collect a whole 10,000-pod run left behind by the warm-up.
    plan(generateLargeLab({ hosts: 64, namespaces: 50, pods: 1_000 }).topology, undefined, 1)
    // Wall time is what a user waits; CPU time says how much of it was ours on a shared machine.
    const cpu0 = process.cpuUsage()
    const started = performance.now()
    const run = plan(lab.topology, undefined, 1)
    const planMs = performance.now() - started
    const cpu = process.cpuUsage(cpu0)
    const planCpuMs = (cpu.user + cpu.system) / 1000
    const cursor = createCursor(run, initialState(lab.topology))
    const n = run.steps.length
    // The first pass over the run also takes the checkpoints; timed apart from the seeks.
    const f0 = performance.now()
    cursor.seek(n)
    const firstPassMs = performance.now() - f0
    // Far seeks: 1,000 random targets (seeded, so every run measures the same jumps).
    // Wall time is what a user waits; CPU time is the seek's own work, which preemption by other
    // processes on a shared machine does not inflate.
    const seeks: number[] = []
    const seekCpu: number[] = []
    for (let i = 0; i < 1000; i++) {
      const target = Math.floor(random(42, i) * (n + 1))
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      cursor.seek(target)
      seeks.push(performance.now() - t0)
      const c = process.cpuUsage(c0)
      seekCpu.push((c.user + c.system) / 1000)
    }
    seeks.sort((a, b) => a - b)
    seekCpu.sort((a, b) => a - b)
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
    // Validate is the rules plus "will it fit" (the quiet admission and placement pass), on a
    // lab of its own. Cold: every spec parsed. Warm: re-validating after an edit (specs cached).
    const fresh = generateLargeLab({ hosts: 64, namespaces: 50, pods: 10_000 }).topology
    const v0 = performance.now()
    validateLab(fresh)
    const validateColdMs = performance.now() - v0
    const v1 = performance.now()
    const problems = validateLab(fresh)
    const validateMs = performance.now() - v1
    return Promise.resolve({
      steps: n,
      validateColdMs: round(validateColdMs, 1),
      validateWarmMs: round(validateMs, 1),
      validateProblems: problems.length,
      planMs: round(planMs, 1),
      stepsPerSecond: round(n / (planMs / 1000), 0),
      planCpuMs: round(planCpuMs, 1),
      stepsPerCpuSecond: round(n / (planCpuMs / 1000), 0),
      firstPassSeekMs: round(firstPassMs, 1),
      seekMedianMs: round(percentile(seeks, 50)),
      seekP99Ms: round(percentile(seeks, 99)),
      seekCpuMedianMs: round(percentile(seekCpu, 50)),
      seekCpuP99Ms: round(percentile(seekCpu, 99)),
      singleStepMedianMs: round(percentile(singles, 50), 4),
      singleStepP99Ms: round(percentile(singles, 99), 4),
      ...headlessScale(),
    })
  },
}
