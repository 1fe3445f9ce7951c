import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/**
 * What a file is known by when it comes back as another file: a copy made elsewhere and dropped in
 * under a new name (a move between drives is a copy and a delete) has another inode, but the same
 * bytes. A hash of the whole file: a folder is for lists, so reading one again costs little, and a
 * list with one row more is another list. Undefined when the file cannot be read (it will not run).
 */
export async function contentKey(path: string): Promise<string | undefined> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest("hex");
}
