export {
  type CaseFiles,
  caseFileProblems,
  loadCases,
  type RequestCase,
  type ResponseCase,
  type Scenario,
  type ValidationCase,
} from './cases.js'
export { clientSuite } from './client-suite.js'
export { mockSuite, TRANSPORTS } from './mock-suite.js'
export { clientTableSuite, mockRoutesSuite, validatorExamplesSuite } from './spec-suites.js'
export { validatorSuite } from './validator-suite.js'
export { MOCK_KEY, type Sender, sender } from './wire-client.js'
