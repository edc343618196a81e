/**
 * Measuring a process: wall time, peak memory of the whole process tree
 * (VmRSS summed over the process and its descendants, sampled from /proc), the
 * largest single process (GNU time's %M, when /usr/bin/time exists), and the
 * stage lines the build prints. Also folder sizes and gzip sizes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';

/** CPU seconds the whole machine has spent busy since boot (user, nice, system, irq, softirq, steal), from /proc/stat. */
export function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** The outcome of one measured run. */
export interface RunResult {
  wallMs: number;
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Highest sum of VmRSS over the process tree seen by the sampler (KiB). */
  peakTreeKb: number;
  /** Max RSS of the largest single process of the tree, from GNU time (KiB); null without /usr/bin/time. */
  maxProcessKb: number | null;
  /** CPU seconds (user + system) of the process tree, from GNU time; null without it. */
  cpuS: number | null;
  /** Average number of cores other processes kept busy during the run (machine CPU from /proc/stat minus ours). */
  otherCores: number | null;
  /** 1-minute load average at the start and end. */
  load: [number, number];
  /** Peak VmRSS per process of the tree, by name (KiB). */
  peakByProcessKb: Record<string, number>;
  /** Most processes alive at once in the tree. */
  maxProcesses: number;
  timedOut: boolean;
  /** Killed because the tree's memory exceeded `memLimitKb`. */
  memKilled: boolean;
  /** Time to the first output line matching each given pattern, ms since start. */
  marks: Record<string, number>;
}

const GNU_TIME = '/usr/bin/time';

/** Whether GNU time with `-f %M` works here. */
export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

function childrenMap(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(name));
      map.set(ppid, list);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return map;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** A short name for a process: the script or binary it runs (`scripts/build.ts`, `astro`, `pagefind_extended`). */
function processName(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const exe = (argv[0] ?? '?').split('/').pop()!;
    if (exe !== 'node') return exe;
    const script = argv.slice(1).find((a) => !a.startsWith('-')) ?? 'node';
    if (/astro(\.mjs)?$/.test(script)) return 'node astro build';
    return `node ${script.split('/').slice(-2).join('/')}`;
  } catch {
    return '?';
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** Sum of VmRSS over `pid` and all its descendants, how many processes that is, each one's RSS by name, and each one's CPU seconds so far. */
export function treeRss(pid: number): { kb: number; count: number; each: Map<string, number>; cpu: Map<number, number> } {
  const kids = childrenMap();
  let kb = 0;
  let count = 0;
  const each = new Map<string, number>();
  const cpu = new Map<number, number>();
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    cpu.set(p, cpuSeconds(p));
    const r = rssKb(p);
    kb += r;
    count++;
    if (r > 0) {
      const name = processName(p);
      each.set(name, Math.max(each.get(name) ?? 0, r));
    }
    stack.push(...(kids.get(p) ?? []));
  }
  return { kb, count, each, cpu };
}

/**
 * Runs `command args` in `cwd`, sampling the tree's memory every `sampleMs`;
 * kills the tree after `timeoutMs`. `marks` maps a name to a regexp matched
 * against each stdout line: the first match records its time.
 */
export function runMeasured(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; memLimitKb?: number; sampleMs?: number; marks?: Record<string, RegExp>; echo?: (line: string) => void }): Promise<RunResult> {
  const useTime = hasGnuTime();
  const argv = useTime ? ['-f', '__BENCH_TIME__ %e %M %U %S', command, ...args] : args;
  const busy0 = machineBusySeconds();
  const load0 = loadavg()[0]!;
  const start = performance.now();
  const child = spawn(useTime ? GNU_TIME : command, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  let pending = '';
  const marks: Record<string, number> = {};
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      for (const [name, re] of Object.entries(options.marks ?? {})) if (!(name in marks) && re.test(line)) marks[name] = performance.now() - start;
      options.echo?.(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let peakTreeKb = 0;
  let maxProcesses = 0;
  let memKilled = false;
  const peakByProcessKb: Record<string, number> = {};
  // CPU per process as last sampled: counts processes GNU time cannot (children not waited for, e.g. a Pagefind service left running).
  const cpuByPid = new Map<number, number>();
  const sample = () => {
    if (child.pid === undefined) return;
    const { kb, count, each, cpu } = treeRss(child.pid);
    for (const [p, c] of cpu) cpuByPid.set(p, Math.max(cpuByPid.get(p) ?? 0, c));
    for (const [name, r] of each) if (name !== 'time') peakByProcessKb[name] = Math.max(peakByProcessKb[name] ?? 0, r);
    peakTreeKb = Math.max(peakTreeKb, kb);
    maxProcesses = Math.max(maxProcesses, count);
    if (options.memLimitKb && kb > options.memLimitKb && !memKilled) {
      memKilled = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  const sampler = setInterval(sample, options.sampleMs ?? 200);
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, options.timeoutMs)
    : undefined;
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      const wallMs = performance.now() - start;
      let maxProcessKb: number | null = null;
      let cpuS: number | null = null;
      const m = /__BENCH_TIME__ [\d.]+ (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
      if (m) {
        maxProcessKb = Number(m[1]);
        cpuS = Number(m[2]) + Number(m[3]);
        stderr = stderr.replace(/^.*__BENCH_TIME__.*$\n?/m, '').replace(/^Command exited with non-zero status \d+\n?/m, '');
      }
      // GNU time exits with the child's status.
      const sampledCpu = [...cpuByPid.values()].reduce((a, b) => a + b, 0);
      if (cpuS === null || sampledCpu > cpuS) cpuS = Math.round(sampledCpu * 100) / 100;
      const busy = machineBusySeconds() - busy0;
      const otherCores = cpuS === null ? null : Math.max(0, Math.round(((busy - cpuS) / (wallMs / 1000)) * 100) / 100);
      resolve({ wallMs, code, signal, stdout, stderr, peakTreeKb, maxProcessKb, cpuS, otherCores, load: [load0, loadavg()[0]!], peakByProcessKb, maxProcesses, timedOut, memKilled, marks });
    });
  });
}

/** Total bytes and file count under a folder (0 if it does not exist). */
export function dirSize(dir: string): { bytes: number; files: number } {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** Bytes after gzip at the default level (6), as a static host would serve them; data that is already gzip (Pagefind's index, wasm and fragments) counts as is. */
export function gzipBytes(data: Uint8Array | string): number {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return bytes.length;
  return gzipSync(bytes).length;
}

/** All files under a folder, relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name), `${rel}${entry.name}/`);
      else if (entry.isFile()) out.push(`${rel}${entry.name}`);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out.sort();
}

/** Milliseconds in a stage line of the build (`build: astro 355 pages in 9223 ms`). */
export function stageMs(stdout: string, re: RegExp): number | null {
  const m = re.exec(stdout);
  return m ? Number(m[m.length - 1]) : null;
}
