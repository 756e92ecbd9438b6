import { getRawHeader } from '@electron/asar';
import { z } from 'zod';

/** One file of an app.asar, with its path relative to the app root (`dist/index.html`). */
export interface AsarEntry {
  path: string;
  size: number;
  /** Stored beside the archive in app.asar.unpacked/ (asarUnpack) rather than inside it. */
  unpacked: boolean;
}

type Node = { files?: Record<string, Node>; size?: number | string; unpacked?: boolean; link?: string };
const nodeSchema: z.ZodType<Node> = z.lazy(() =>
  z
    .object({
      files: z.record(z.string(), nodeSchema).optional(),
      size: z.union([z.number(), z.string()]).optional(),
      unpacked: z.boolean().optional(),
      link: z.string().optional(),
    })
    .loose(),
);

/** Flattens an asar header into its files (directories and symlinks are not listed). */
export function entriesOfHeader(header: unknown): AsarEntry[] {
  const out: AsarEntry[] = [];
  const walk = (node: Node, prefix: string): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, path);
      else if (child.link === undefined) {
        out.push({ path, size: Number(child.size ?? 0), unpacked: child.unpacked === true });
      }
    }
  };
  walk(nodeSchema.parse(header), '');
  return out;
}

export function readAsarEntries(archive: string): AsarEntry[] {
  return entriesOfHeader(getRawHeader(archive).header);
}
