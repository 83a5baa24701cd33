const { createPinia, setActivePinia, defineStore } = await import('pinia')
const mode = process.argv[2]
const refs = []
const useS = defineStore('s', { state: () => ({ data: {} }) })
for (let r = 0; r < 5; r++) {
  const pinia = createPinia(); if (mode.includes('active')) setActivePinia(pinia)
  if (mode.includes('store')) { const s = useS(pinia); if (mode.includes('sub')) s.$subscribe(() => {}, { detached: true, flush: 'sync', deep: false }); if (mode.includes('patch')) s.$patch(st => { st.data = { a: 1 } }) }
  refs.push(new WeakRef(pinia))
  globalThis.gc()
  console.log(mode, r, 'alive', refs.filter(r => r.deref()).length)
}
