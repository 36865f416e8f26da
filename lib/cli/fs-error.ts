/**
 * File system errors in words, for messages about files the user named
 * (`--url-from`, `--profile`): what is wrong with the path, not the errno
 * code (`ENOENT: no such file or directory, open '…'`).
 */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const words: Record<string, string> = {
    ENOENT: 'there is no such file',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder, not a file',
    EACCES: 'permission to read it is denied',
    EPERM: 'the operation is not permitted',
    ELOOP: 'its path has too many symbolic links (a loop?)',
    ENAMETOOLONG: 'its name is too long',
    EMFILE: 'too many files are open',
    ENFILE: 'too many files are open in the system',
    EIO: 'the disk reported an input/output error'
  }
  if (code && words[code]) return words[code]
  const message = String((error as Error | undefined)?.message || error)
  // Node's form is `CODE: description, syscall 'path'`: keep the description.
  const match = /^[A-Z][A-Z\d_]+: ([^,]+)/.exec(message)
  return match ? match[1] : message
}
