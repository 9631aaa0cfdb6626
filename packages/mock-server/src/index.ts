export { createHub, type StartOptions, startMockServer } from './start.js'
