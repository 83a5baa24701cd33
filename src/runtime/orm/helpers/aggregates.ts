import { usePluck } from './pluck'

function numbers(models: readonly unknown[], field: string): number[] {
  return usePluck(models, field).filter((value): value is number => typeof value === 'number' && !Number.isNaN(value))
}

/** The sum of the number values of `field` (dotted for one-to-one relations); other values are skipped. */
export function useSum<T>(models: readonly T[], field: string): number {
  let sum = 0
  for (const value of numbers(models, field))
    sum += value
  return sum
}

/** The smallest number value of `field`, or 0 when there is none. */
export function useMin<T>(models: readonly T[], field: string): number {
  const values = numbers(models, field)
  let min = values[0] ?? 0
  for (const value of values) {
    if (value < min)
      min = value
  }
  return min
}

/** The largest number value of `field`, or 0 when there is none. */
export function useMax<T>(models: readonly T[], field: string): number {
  const values = numbers(models, field)
  let max = values[0] ?? 0
  for (const value of values) {
    if (value > max)
      max = value
  }
  return max
}
