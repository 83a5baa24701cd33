import { defineEventHandler, setResponseHeader } from 'h3'
import { DEVTOOLS_PAGE } from './page'

/** Serves the DevTools tab's page; registered in dev only. @internal */
export default defineEventHandler((event) => {
  setResponseHeader(event, 'content-type', 'text/html; charset=utf-8')
  return DEVTOOLS_PAGE
})
