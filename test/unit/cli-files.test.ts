import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { LabFile } from '../../src/node/persistence/lab-file'
import { loadDemoLab, loadSample } from '../../src/node/demo-lab'

/** Runs the CLI with its own data folder, so nothing lands in the user's real one. */
const dataDir = mkdtempSync(join(tmpdir(), 'pl-cli-data-'))
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/pacific-lab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PACIFIC_LAB_DATA_DIR: dataDir },
  })

const readLab = (path: string) => {
  const lab = LabFile.open(path, { readOnly: true })
  const doc = lab.document
  lab.close()
  return doc
}

describe('pacific-lab lab file commands', () => {
  it('writes the demo lab, saves it as text and loads the text back into an equal lab', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'))
    const demo = join(dir, 'demo.pacificlab')
    expect(cli('demo', demo)).toMatchObject({ status: 0 })
    const text = join(dir, 'demo.lab.yaml')
    const saved = cli('save-text', demo, text)
    expect(saved.stderr).toBe('')
    expect(saved.status).toBe(0)
    const again = join(dir, 'again.pacificlab')
    expect(cli('load-text', text, again)).toMatchObject({ status: 0 })
    expect(readLab(again)).toEqual(loadDemoLab())
  })

  it('lists the sample labs and writes any of them; an unknown one is named with the list', () => {
    const list = cli('demo', '--list')
    expect(list.status).toBe(0)
    const names = list.stdout
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(/\s+/)[0])
    expect(names).toEqual([
      'demo',
      'capacity',
      'failures',
      'three-zones',
      'vcf9-services',
      'vcf9-zones',
      'vds-haproxy',
    ])
    const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'))
    for (const name of names.slice(1)) {
      const out = join(dir, `${name}.pacificlab`)
      expect(cli('demo', name!, out).status).toBe(0)
      expect(readLab(out)).toEqual(loadSample(name!))
    }
    const unknown = cli('demo', 'nope', join(dir, 'x.pacificlab'))
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('no sample lab named "nope"; the samples are: demo, capacity, failures')
  })

  it('creates an empty lab and refuses to overwrite without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'))
    const out = join(dir, 'empty.pacificlab')
    expect(cli('new', out).status).toBe(0)
    expect(readLab(out)).toMatchObject({ name: 'empty', topology: { nodes: [], links: [] } })
    const again = cli('demo', out)
    expect(again.status).toBe(2)
    expect(again.stderr).toContain('already exists; add --force')
    expect(cli('demo', '--force', out).status).toBe(0)
    expect(readLab(out).name).toBe(loadDemoLab().name)
  })

  it('names the line and column of a bad lab text and the cause of a bad lab file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'))
    const bad = join(dir, 'bad.lab.yaml')
    writeFileSync(bad, 'format: pacific-lab/v1\nname: x\nvcenters:\n  - name: vc\n    clustrs: []\n')
    // Bad input exits 2, as the README says; 1 is for a lab that has errors (issue 14, defect 7).
    const r = cli('load-text', bad, join(dir, 'out.pacificlab'))
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`${bad}:4:5: vcenters.0: unknown key "clustrs"`)
    const notLab = join(dir, 'notes.pacificlab')
    writeFileSync(notLab, 'hello')
    const before = readFileSync(notLab)
    const s = cli('save-text', notLab, join(dir, 'x.lab.yaml'))
    expect(s.status).toBe(2)
    expect(s.stderr).toContain(`${notLab} is not a Pacific Lab file`)
    expect(readFileSync(notLab).equals(before)).toBe(true)
    const serve = cli('serve', notLab)
    expect(serve.status).toBe(2)
    expect(serve.stderr).toContain(`${notLab} is not a Pacific Lab file`)
    expect(readFileSync(notLab).equals(before)).toBe(true)
    expect(cli('serve', bad).stderr).toContain('LAB is "demo" or a .pacificlab file')
  })
})
