/* The C floor for `docket advance`: read one ticket file and write it back durably, the way
 * the store replaces a file (temp file, fsync, rename, fsync the folder). Nothing else: no
 * parsing, no lock, no index. Usage: floor-c FILE */
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: floor-c FILE\n"); return 2; }
  const char *path = argv[1];
  int in = open(path, O_RDONLY);
  if (in < 0) { perror(path); return 1; }
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (len == cap) { cap *= 2; buf = realloc(buf, cap); }
    ssize_t n = read(in, buf + len, cap - len);
    if (n < 0) { perror("read"); return 1; }
    if (n == 0) break;
    len += (size_t)n;
  }
  close(in);
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  int out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0) { perror(tmp); return 1; }
  for (size_t done = 0; done < len;) {
    ssize_t n = write(out, buf + done, len - done);
    if (n < 0) { perror("write"); return 1; }
    done += (size_t)n;
  }
  if (fsync(out) != 0) { perror("fsync"); return 1; }
  close(out);
  if (rename(tmp, path) != 0) { perror("rename"); return 1; }
  char folder[4096];
  snprintf(folder, sizeof folder, "%s", path);
  int dir = open(dirname(folder), O_RDONLY | O_DIRECTORY);
  if (dir < 0 || fsync(dir) != 0) { perror("fsync folder"); return 1; }
  close(dir);
  free(buf);
  return 0;
}
