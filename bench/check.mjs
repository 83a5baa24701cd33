// Compares an implementation's output with the baseline's as plain data:
// key order and `undefined` properties do not matter, everything else does.

/** JSON with sorted keys and without undefined properties. */
export function canonical(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const keys = Object.keys(value).filter(key => value[key] !== undefined).sort()
  return `{${keys.map(key => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`
}

function clip(text) {
  return text.length > 300 ? `${text.slice(0, 300)}...` : text
}

/**
 * @returns {string | null} null when equal, else where the first difference is
 * and both values there (shortened), for the report.
 */
export function firstDifference(expected, actual, path = 'result') {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.min(expected.length, actual.length)
    for (let i = 0; i < length; i++) {
      const difference = firstDifference(expected[i], actual[i], `${path}[${i}]`)
      if (difference) return difference
    }
    if (expected.length !== actual.length) {
      return `${path}: expected ${expected.length} items, got ${actual.length}`
    }
    return null
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(expected) && !Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)])
    for (const key of [...keys].sort()) {
      const difference = firstDifference(expected[key], actual[key], `${path}.${key}`)
      if (difference) return difference
    }
    return null
  }
  const want = canonical(expected)
  const got = canonical(actual)
  return want === got ? null : `${path}: expected ${clip(want)}, got ${clip(got)}`
}
