/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser.
import type { Page } from '@playwright/test'

import { expect } from './serve-fixture'

/** Asks the lab's service (serve mode's HTTP with the token, or the window's `window.lab`). */
export type AskService = <T>(method: string, input: unknown) => Promise<T>

interface StepLite {
  object: string
  actor: string
  target: string
  effects: { id: string }[]
}

/** Every id of the lab and of its runs: objects, lanes' objects, records the steps touch. */
async function everyId(ask: AskService): Promise<string[]> {
  const { topology } = await ask<{ topology: { nodes: { id: string }[] } }>('getTopology', {})
  const ids = new Set(topology.nodes.map((n) => n.id))
  const { runs } = await ask<{ runs: { id: string; stepCount: number }[] }>('listRuns', {})
  for (const run of runs) {
    ids.add(run.id)
    for (let from = 1; from <= run.stepCount; from += 10_000) {
      const { steps } = await ask<{ steps: StepLite[] }>('getRunSteps', {
        runId: run.id,
        from,
        count: Math.min(10_000, run.stepCount - from + 1),
      })
      for (const s of steps) {
        // A lane is a component (kube-apiserver), with the object it runs on after a colon.
        const lanes = [s.actor, s.target].map((lane) => lane.split(':')[1] ?? '')
        for (const part of [...s.object.split('/'), ...lanes]) if (part) ids.add(part)
        for (const e of s.effects) for (const part of e.id.split('/')) ids.add(part)
      }
    }
  }
  // Keep what looks like an id a palette or the engine made (kind-random, or with digits).
  return [...ids].filter((id) => /^[a-z]+(-[a-z]+)*-[0-9a-z]{6,}$/.test(id) || id.startsWith('run-'))
}

/** What a person can read: the page's text, menus' options, diagram labels, tooltips and names. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText]
    for (const el of document.querySelectorAll('option, svg text')) parts.push(el.textContent ?? '')
    for (const el of document.querySelectorAll('[title], [aria-label]'))
      parts.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '')
    return parts.join('\n')
  })
}

/** The ids of the lab and its runs that the page shows, each with a line of its context. */
export async function idsShown(page: Page, ask: AskService): Promise<string[]> {
  const text = await readableText(page)
  const around = (id: string) => text.slice(Math.max(0, text.indexOf(id) - 80), text.indexOf(id) + 40)
  return (await everyId(ask))
    .filter((id) => text.includes(id))
    .map((id) => `${id} in "${around(id).replace(/\s+/g, ' ')}"`)
}

/** No id of the lab or its runs appears anywhere a person reads. */
export async function expectNoIds(page: Page, ask: AskService, where: string, soft = false) {
  const shown = await idsShown(page, ask)
  ;(soft ? expect.soft : expect)(shown, `ids shown ${where}`).toEqual([])
}
