import { fork } from 'node:child_process'
const child = fork(new URL('./bench/servers.mjs', import.meta.url), ['mock', process.argv[2] ?? '100000'], { execArgv: ['--trace-pretenuring'], stdio: ['inherit', 'pipe', 'inherit', 'ipc'] })
let log = ''; child.stdout.on('data', (d) => { log += d })
await new Promise((r) => child.once('message', r))
await new Promise((r) => setTimeout(r, Number(process.argv[3] ?? 300)))
child.kill()
console.log(log.split('\n').filter((l) => l.includes('=> tenure')).length, 'tenure decisions at startup')
