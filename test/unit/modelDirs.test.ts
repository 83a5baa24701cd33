import { describe, expect, it } from 'vitest'
import { modelDirs } from '../../src/modelDirs'

describe('modelDirs', () => {
  it('resolves each folder in the app and in every layer, the app first', () => {
    expect(modelDirs(['models', 'shared/models/'], ['/app/app/', '/layer/app'])).toEqual([
      '/app/app/models',
      '/app/app/shared/models',
      '/layer/app/models',
      '/layer/app/shared/models',
    ])
  })

  it('lists an absolute folder once', () => {
    expect(modelDirs(['/common/models'], ['/app/app', '/layer/app'])).toEqual(['/common/models'])
  })
})
