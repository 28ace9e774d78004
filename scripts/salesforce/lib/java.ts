import { spawnSync } from 'node:child_process';

/** Major version of the `java` on PATH, or undefined when there is none that runs. */
export function javaMajorVersion(): number | undefined {
  const run = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(run.stderr);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** Why a Java-based check cannot run here, or undefined when Java 11+ is available. */
export function javaUnavailable(): string | undefined {
  const major = javaMajorVersion();
  if (major === undefined) return 'Java was not found on PATH; the Apex checks need Java 11 or newer (e.g. apt-get install openjdk-17-jre-headless).';
  if (major < 11) return `Java ${major} was found; the Apex checks need Java 11 or newer.`;
  return undefined;
}
