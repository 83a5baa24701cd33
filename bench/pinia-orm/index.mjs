// Entry point into this separate package, so bench/piniaOrm.mjs gets pinia-orm
// together with the pinia 2 it was built for (never the root's pinia 4).
export { Model, useRepo, createORM } from 'pinia-orm'
export { createPinia, setActivePinia } from 'pinia'
export { toRaw } from 'vue'
