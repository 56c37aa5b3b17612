import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { parse } from 'yaml'

import { splitApiVersion, type KubeObject } from '../../shared/manifests/kube-object'
import type { SchemaCheck, SchemaValidator } from '../../shared/manifests/schema-check'
import { resourcesDir } from '../paths'

/**
 * Validates objects against real schemas in the Node process: core kinds with kubernetes-models
 * (its validators are precompiled), CRDs by compiling the published `openAPIV3Schema` with ajv.
 * ajv compiles with `new Function`, which is why this never runs in the renderer.
 */

interface CrdVersion {
  file: string
  schema: object
}

/**
 * Loads a kubernetes-models module on first use: all eight take about half a second to load, too
 * long to add to every start. Named so it cannot collide with the `require` the bundler declares
 * at the top of the main-process bundle (see the lint rule in eslint.config.js).
 */
const loadModels = createRequire(import.meta.url)

/** kubernetes-models module per apiVersion of the core kinds the lab reads and writes. */
const CORE_MODULES: Readonly<Record<string, string>> = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'rbac.authorization.k8s.io/v1': 'kubernetes-models/rbac.authorization.k8s.io/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'storage.k8s.io/v1': 'kubernetes-models/storage.k8s.io/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
}

/** Versions without a published schema that are checked against another version's body. */
const STAND_INS: Readonly<Record<string, { version: string; note: string }>> = {
  'run.tanzu.vmware.com/TanzuKubernetesCluster/v1alpha3': {
    version: 'v1alpha2',
    note: 'no public v1alpha3 CRD: checked against the v1alpha2 schema (same body)',
  },
}

type ModelClass = new (data: unknown) => { validate(): void }

function loadCrds(dir: string): Map<string, CrdVersion> {
  const out = new Map<string, CrdVersion>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const crd = parse(readFileSync(join(dir, file), 'utf8')) as {
      spec: {
        group: string
        names: { kind: string }
        versions: { name: string; schema: { openAPIV3Schema: object } }[]
      }
    }
    for (const v of crd.spec.versions)
      out.set(`${crd.spec.group}/${crd.spec.names.kind}/${v.name}`, {
        file,
        schema: v.schema.openAPIV3Schema,
      })
  }
  return out
}

const toPath = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))

function issues(errors: readonly ErrorObject[] | null | undefined) {
  return (errors ?? []).map((e) => {
    const path = toPath(e.instancePath)
    const missing =
      e.keyword === 'required' ? (e.params as { missingProperty?: string }).missingProperty : undefined
    const message = missing ? `${missing} is required` : `${e.message ?? 'is invalid'}${allowed(e)}`
    return { path, message, schemaPath: e.schemaPath }
  })
}

const allowed = (e: ErrorObject) =>
  e.keyword === 'enum'
    ? `: ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`
    : ''

/** Builds a validator over the CRDs in `dir` (resources/schemas by default). */
export function createSchemaValidator(dir = join(resourcesDir(), 'schemas')): SchemaValidator {
  const crds = loadCrds(dir)
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false })
  const compiled = new Map<string, ValidateFunction>()
  return (object: KubeObject): SchemaCheck | null => {
    const { group, version } = splitApiVersion(object.apiVersion)
    const coreModule = CORE_MODULES[object.apiVersion]
    if (coreModule) {
      const Model = (loadModels(coreModule) as Record<string, ModelClass | undefined>)[object.kind]
      if (!Model) return null
      try {
        new Model(object).validate()
        return { schema: `kubernetes-models ${object.apiVersion} ${object.kind}`, real: true, issues: [] }
      } catch (e) {
        const errors = (e as { errors?: ErrorObject[] }).errors
        if (!errors) throw e
        return {
          schema: `kubernetes-models ${object.apiVersion} ${object.kind}`,
          real: true,
          issues: issues(errors),
        }
      }
    }
    const key = `${group}/${object.kind}/${version}`
    const standIn = STAND_INS[key]
    const lookup = standIn ? `${group}/${object.kind}/${standIn.version}` : key
    const crd = crds.get(lookup)
    if (!crd) return null
    let validate = compiled.get(lookup)
    if (!validate) {
      validate = ajv.compile(crd.schema)
      compiled.set(lookup, validate)
    }
    const schema = standIn ? `${crd.file} ${standIn.version} (${standIn.note})` : `${crd.file} ${version}`
    validate(object)
    return { schema, real: !standIn, issues: issues(validate.errors) }
  }
}
