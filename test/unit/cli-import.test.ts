import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { LabFile } from '../../src/node/persistence/lab-file'

/** Runs the CLI with its own data folder, so nothing lands in the user's real one. */
const dataDir = mkdtempSync(join(tmpdir(), 'pl-import-data-'))
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/pacific-lab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PACIFIC_LAB_DATA_DIR: dataDir },
  })

const GOOD_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: finance
spec:
  nodeSelector:
    disk: ssd
  containers:
    - name: web
      image: nginx:1.27
`

/** A demo lab file and a folder to write manifests in. */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'pl-import-'))
  const labPath = join(dir, 'demo.pacificlab')
  expect(cli('demo', labPath).status).toBe(0)
  const write = (name: string, content: string) => {
    const path = join(dir, name)
    writeFileSync(path, content)
    return path
  }
  return { dir, labPath, write }
}

describe('pacific-lab import into a lab file', () => {
  it('saves the import as one undoable edit and prints what changed, with warnings at file:line:col', () => {
    const { labPath, write } = setup()
    const pod = write('pod.yaml', GOOD_POD.replace('spec:\n', 'spec:\n  hostNetwork: true\n'))
    const r = cli('import', labPath, pod)
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('add pod finance/web')
    expect(r.stdout).toContain(`saved to ${labPath}: 1 change as one edit, "Import add pod finance/web"`)
    expect(r.stderr).toContain(`${pod}:7:3: warning: "web" sets hostNetwork, which vSphere Pods ignore.`)
    expect(r.stderr).not.toContain('nodeSelector')

    const lab = LabFile.open(labPath)
    try {
      expect(lab.document.topology.nodes.find((n) => n.id === 'pod-finance-web')).toMatchObject({
        kind: 'pod',
        name: 'web',
      })
      expect(lab.journal().undoLabel).toBe('Import add pod finance/web')
      lab.undo()
      expect(lab.document.topology.nodes.some((n) => n.id === 'pod-finance-web')).toBe(false)
    } finally {
      lab.close()
    }
  })

  it('says so and writes nothing when the lab already holds the manifests', () => {
    const { labPath, write } = setup()
    const pod = write('pod.yaml', GOOD_POD)
    expect(cli('import', labPath, pod).status).toBe(0)
    const before = readFileSync(labPath)
    const again = cli('import', labPath, pod)
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('nothing to change')
    expect(readFileSync(labPath).equals(before)).toBe(true)
  })

  it('prints every error as file:line:col and leaves the lab file byte for byte as it was', () => {
    const { dir, labPath, write } = setup()
    const wrongType = write(
      'wrong-type.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: finance}\nspec:\n  containers: nginx\n',
    )
    const duplicate = write(
      'duplicate.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web2, namespace: finance}\nspec:\n  containers: [{name: a, image: b}]\n  containers: []\n',
    )
    const badIndent = write(
      'bad-indent.yaml',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: sales\n   labels: {}\n',
    )
    const good = write('good.yaml', GOOD_POD)
    const before = readFileSync(labPath)
    const filesBefore = readdirSync(dir).sort()

    const r = cli('import', labPath, good, wrongType, duplicate)
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`${duplicate}:6:3: duplicate key containers`)
    expect(r.stderr).toContain('import refused: 1 error; the lab is unchanged')
    const typed = cli('import', labPath, good, wrongType)
    expect(typed.stderr).toContain(`${wrongType}:5:3: Pod api: must be array [spec.containers]`)

    const syntax = cli('import', labPath, good, badIndent)
    expect(syntax.status).toBe(1)
    expect(syntax.stderr).toContain(`${badIndent}:4:9: BLOCK_AS_IMPLICIT_KEY`)

    expect(readFileSync(labPath).equals(before)).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(filesBefore)
    const lab = LabFile.open(labPath, { readOnly: true })
    try {
      expect(lab.journal().undoLabel).toBeNull()
      expect(lab.document.topology.nodes.some((n) => n.id === 'pod-finance-web')).toBe(false)
    } finally {
      lab.close()
    }
  })
})

describe('pacific-lab import into read-only inputs', () => {
  it('prints the resulting lab from a lab text and says nothing was saved', () => {
    const { dir, labPath, write } = setup()
    const text = join(dir, 'demo.lab.yaml')
    expect(cli('save-text', labPath, text).status).toBe(0)
    const before = readFileSync(text, 'utf8')
    const r = cli('import', text, write('pod.yaml', GOOD_POD))
    expect(r.status).toBe(0)
    expect(r.stderr).toContain(`nothing was saved: ${text} is only read`)
    const printed = JSON.parse(r.stdout) as { topology: { nodes: { id: string }[] } }
    expect(printed.topology.nodes.map((n) => n.id)).toContain('pod-finance-web')
    expect(readFileSync(text, 'utf8')).toBe(before)
  })

  it('prints the demo lab with the import applied and says nothing was saved', () => {
    const { write } = setup()
    const r = cli('import', 'demo', write('pod.yaml', GOOD_POD))
    expect(r.status).toBe(0)
    expect(r.stderr).toContain('nothing was saved: the demo lab is only read')
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'Demo lab: the seed deck' })
  })
})
