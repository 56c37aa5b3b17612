import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/pacific-lab.js', ...args], { encoding: 'utf8' })

describe('pacific-lab export and import', () => {
  it('prints the demo lab as one YAML file on stdout, identical to the golden file', () => {
    const r = cli('export', 'demo')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(readFileSync('test/golden/manifests/demo-v1alpha3-per-cluster.yaml', 'utf8'))
    expect(r.stderr).toContain('vCenter requests')
  })

  it('writes a folder kubectl can apply with -R, and reads it back without a change', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pacific-cli-')), 'out')
    const r = cli('export', 'demo', '--format', 'dir', '--vm-api', 'v1alpha1', '--out', dir)
    expect(r.status).toBe(0)
    expect(existsSync(join(dir, 'manifests', 'finance', '09-virtualmachine-legacy-db.yaml'))).toBe(true)
    expect(readFileSync(join(dir, 'vcenter', '02-create-namespace-finance.json'), 'utf8')).toContain(
      '"namespace": "finance"',
    )
    const back = cli('import', 'demo', dir)
    expect(back.status).toBe(0)
    expect(back.stderr).toContain('nothing to change')
  })

  it('refuses a bad file, names file, line and column, and exits 1', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pacific-cli-')), 'bad.yaml')
    writeFileSync(
      file,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: finance}\nspec:\n  containers: nginx\n',
    )
    const r = cli('import', 'demo', file)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`${file}:5:3: Pod web: must be array [spec.containers]`)
    expect(r.stderr).toContain('the lab is unchanged')
    expect(r.stdout).toBe('')
  })

  it('names a bad option value and exits 2', () => {
    const r = cli('export', 'demo', '--vm-api', 'v1alpha9')
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--vm-api must be one of v1alpha1, v1alpha2, v1alpha3, not "v1alpha9"')
  })
})
