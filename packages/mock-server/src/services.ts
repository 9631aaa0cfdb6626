// The services zenlayer-mock serves: one list, read by the hub, the state-file
// check and the listening line. A new service is one more entry here (and its
// mock package in package.json).

import { service as bmcService, createBmcMock } from '@zenlayer-reset/bmc-mock'
import type { MockOptions, MockService, ServiceMock } from '@zenlayer-reset/mock-engine'
import { createVmMock, service as vmService } from '@zenlayer-reset/vm-mock'
import { createZecMock, service as zecService } from '@zenlayer-reset/zec-mock'

export interface ServedService {
  readonly service: MockService
  readonly create: (options: MockOptions) => ServiceMock
}

export const SERVICES: readonly ServedService[] = [
  { service: zecService, create: createZecMock },
  { service: vmService, create: createVmMock },
  { service: bmcService, create: createBmcMock },
]
