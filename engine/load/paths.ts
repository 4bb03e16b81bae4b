// Whether one path lies inside another, judged on real paths (symbolic links followed), so
// that neither a bilaga nor an output folder can reach across the content folder's edge.
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** The real path of a file or folder; one that does not exist yet is judged by its nearest existing ancestor. */
export function realOrResolved(target: string): string {
  const absolute = path.resolve(target);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realOrResolved(parent), path.basename(absolute));
  }
}

/** True when `candidate` is `root` or lies below it, also after following symbolic links. */
export function isInside(root: string, candidate: string): boolean {
  return insideOf(root)(candidate);
}

/**
 * isInside for one root and many candidates: the root's real path is found once, not once per
 * candidate (a loader asks for every file it reads).
 */
export function insideOf(root: string): (candidate: string) => boolean {
  const realRoot = realOrResolved(root);
  return (candidate) => {
    const relative = path.relative(realRoot, realOrResolved(candidate));
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
}
