import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/**
 * Which process holds a UDP port, on Linux, from /proc (no external tools): the socket inode from
 * /proc/net/udp{,6}, then the process whose fd links to `socket:[inode]`. Other systems, or a process of
 * another user: undefined (the message then names only the port).
 */
export function udpPortHolder(port: number, proc = '/proc'): string | undefined {
  const inodes = new Set<string>();
  for (const table of ['net/udp', 'net/udp6']) {
    let text: string;
    try {
      text = readFileSync(`${proc}/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = parseInt(cols[1].split(':')[1] ?? '', 16);
      if (localPort === port && cols[9] !== '0') inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = readdirSync(proc).filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`${proc}/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`${proc}/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1])) {
        let name = 'a process';
        try {
          name = readFileSync(`${proc}/${pid}/comm`, 'utf8').trim();
        } catch {
          // keep the generic name
        }
        return `${name} (pid ${pid})`;
      }
    }
  }
  return undefined;
}
