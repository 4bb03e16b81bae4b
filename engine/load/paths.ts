// Whether one path lies inside another, judged on real paths (symbolic links followed), so
// that neither a bilaga nor an output folder can reach across the content folder's edge.
import { lstatSync, realpathSync } from 'node:fs';
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
  // The real paths of the folders asked about: the files of one folder share them.
  const realFolders = new Map<string, string>();
  const realFolder = (folder: string) => {
    let real = realFolders.get(folder);
    if (real === undefined) {
      real = realOrResolved(folder);
      realFolders.set(folder, real);
    }
    return real;
  };
  /**
   * realOrResolved, with one lstat of the candidate instead of one per folder on its path: a
   * file that is not a symbolic link is its folder's real path and its name; a link is
   * followed as before, and a file that cannot be read is judged by its folder, as before.
   */
  const realCandidate = (candidate: string) => {
    const absolute = path.resolve(candidate);
    const folder = path.dirname(absolute);
    if (folder === absolute) return realOrResolved(absolute);
    let link: boolean;
    try {
      link = lstatSync(absolute).isSymbolicLink();
    } catch {
      return path.join(realFolder(folder), path.basename(absolute));
    }
    return link ? realOrResolved(absolute) : path.join(realFolder(folder), path.basename(absolute));
  };
  return (candidate) => {
    const relative = path.relative(realRoot, realCandidate(candidate));
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
}
