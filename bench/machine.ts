// What the figures were measured on: ratios travel between machines, absolute times do not.
import os from 'node:os';

export function machineInfo() {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}
