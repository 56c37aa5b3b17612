import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

import { describe, expect, it } from 'vitest'

import { labFromArgs, labFromLaunchData, labFromNavigation } from '../../src/main/launch-args'

describe('the lab a launch names', () => {
  it('is the first .pacificlab argument, from the folder the launch started in', () => {
    expect(labFromArgs(['.', '--inspect=9229', 'a.pacificlab', 'b.pacificlab'], '/home/ana')).toBe(
      join('/home/ana', 'a.pacificlab'),
    )
    expect(labFromArgs(['/srv/labs/x.pacificlab'], '/home/ana')).toBe('/srv/labs/x.pacificlab')
  })

  it('is none for the app path, switches (Chromium adds its own) and other files', () => {
    expect(labFromArgs(['.', '--original-process-start-time=1', 'notes.txt'], '/')).toBeNull()
    expect(labFromArgs(['--open=x.pacificlab'], '/')).toBeNull()
  })

  it('travels as additional data from a second launch, and only in that shape', () => {
    expect(labFromLaunchData({ lab: '/l/x.pacificlab' })).toBe('/l/x.pacificlab')
    for (const data of [null, undefined, 'x.pacificlab', { lab: 3 }, { lab: '/etc/passwd' }, { lab: null }])
      expect(labFromLaunchData(data)).toBeNull()
  })

  it('is a lab file Chromium would navigate to when it is dropped, and nothing else', () => {
    expect(labFromNavigation(pathToFileURL('/home/ana/my lab.pacificlab').href)).toBe(
      '/home/ana/my lab.pacificlab',
    )
    expect(labFromNavigation(pathToFileURL('/etc/passwd').href)).toBeNull()
    expect(labFromNavigation('https://example.com/x.pacificlab')).toBeNull()
    expect(labFromNavigation('file://remote-host/x.pacificlab')).toBeNull()
  })
})
