import type { LabService } from '../../src/node/lab-service'
import type { Step } from '../../src/shared/engine/types'

/** Every step of a run, read page by page as the renderer reads it. */
export async function allSteps(service: LabService, runId: string, count = 100): Promise<Step[]> {
  const steps: Step[] = []
  for (;;) {
    const page = await service.handlers.getRunSteps({ runId, from: steps.length + 1, count })
    steps.push(...page.steps)
    if (page.steps.length === 0 || (page.complete && steps.length >= page.total)) return steps
  }
}
