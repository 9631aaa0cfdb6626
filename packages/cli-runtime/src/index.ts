// @zenlayer-reset/cli-runtime: what every zenlayer-reset command shares. The
// generated @zenlayer-reset/cli gives it one command table per service.
export { type FlagDef, type Parsed, parseArgv } from './argv.js'
export { CliError, EXIT, EXIT_HELP } from './exit-codes.js'
export { buildRequest, flagTable, idsOf, parseAction, Sources } from './flags.js'
export { actionHelp, serviceHelp, topHelp } from './help.js'
export { type Io, nodeIo, type Stream } from './io.js'
export { type MainOptions, main } from './main.js'
export { type FleetReport, fleetExitCode, renderFleet, renderReply } from './output.js'
export { masked, planFleet } from './plan.js'
export { count, progressLine, startProgress } from './progress.js'
export type {
  ActionCommand,
  FieldFlag,
  FlagKind,
  FleetSpec,
  LoadedService,
  ServiceCommands,
  ServiceIndex,
  ValidationVerdict,
} from './table.js'
