// What one large allocation costs on this machine, against the same bytes in small pieces.
//
// V8 puts an object of more than 128 KiB (an array of more than 16,384 elements, the backing store
// of a Map of more than about 4,000 entries) in its large-object space, on pages of its own that
// it gives back to the system when the object dies. Each new page is then a page fault, and a page
// fault is expensive in this virtual machine. A workload that builds a few large arrays or Maps
// pays that per sample; the baseline pays it too, for its own large Maps.
//
//   node bench/largeAllocations.mjs [rounds=2000]
const rounds = Number(process.argv[2] ?? 2000)

function time(label, make) {
  const faults = process.resourceUsage().minorPageFault
  const start = performance.now()
  for (let i = 0; i < rounds; i++)
    make()
  const us = (performance.now() - start) * 1000 / rounds
  const perRound = (process.resourceUsage().minorPageFault - faults) / rounds
  console.log(`${label.padEnd(44)} ${us.toFixed(1).padStart(8)} µs ${perRound.toFixed(1).padStart(6)} page faults`)
}

// An array of `length` numbers, allocated at its size.
// eslint-disable-next-line unicorn/no-new-array -- a length, filled at once
const numbers = length => new Array(length).fill(0)

for (const length of [15_000, 17_000, 30_000]) {
  time(`one array of ${length} numbers`, () => numbers(length))
  time(`10 arrays of ${length / 10} numbers`, () => {
    for (let j = 0; j < 10; j++)
      numbers(length / 10)
  })
}
time('one Map of 30,000 entries', () => {
  const map = new Map()
  for (let i = 0; i < 30_000; i++)
    map.set(i, i)
})
time('10 Maps of 3,000 entries', () => {
  for (let j = 0; j < 10; j++) {
    const map = new Map()
    for (let i = 0; i < 3_000; i++)
      map.set(i, i)
  }
})
