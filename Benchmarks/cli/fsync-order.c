/* How a journaling file system charges for syncing two freshly written files:
 * write-sync-write-sync, write-write-sync-sync, and both syncs from two threads at once.
 * The store's commit syncs several files; this says whether reordering or parallel syncs
 * would save a wait for the disk. Run it in a folder on the disk that holds the store.
 *   cc -O2 -pthread Benchmarks/cli/fsync-order.c -o /tmp/fsync-order && (cd /var/tmp && /tmp/fsync-order)
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int create(const char *name, const char *bytes, size_t n) {
  int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0 || write(fd, bytes, n) != (ssize_t)n) { perror(name); _exit(1); }
  return fd;
}

static void *sync_in_thread(void *fd) { fsync(*(int *)fd); return NULL; }

int main(void) {
  char bytes[2000];
  memset(bytes, 'x', sizeof bytes);
  const int rounds = 100;
  double interleaved = 0, batched = 0, parallel = 0;
  for (int i = 0; i < rounds; i++) {
    double t = now_ms();
    int a = create("fsync-order-a.tmp", bytes, sizeof bytes); fsync(a);
    int b = create("fsync-order-b.tmp", bytes, sizeof bytes); fsync(b);
    close(a); close(b);
    interleaved += now_ms() - t;

    t = now_ms();
    a = create("fsync-order-c.tmp", bytes, sizeof bytes);
    b = create("fsync-order-d.tmp", bytes, sizeof bytes);
    fsync(a); fsync(b);
    close(a); close(b);
    batched += now_ms() - t;

    t = now_ms();
    a = create("fsync-order-e.tmp", bytes, sizeof bytes);
    b = create("fsync-order-f.tmp", bytes, sizeof bytes);
    pthread_t other;
    pthread_create(&other, NULL, sync_in_thread, &b);
    fsync(a);
    pthread_join(other, NULL);
    close(a); close(b);
    parallel += now_ms() - t;
  }
  const char *names[] = {"a", "b", "c", "d", "e", "f"};
  for (int i = 0; i < 6; i++) {
    char name[32];
    snprintf(name, sizeof name, "fsync-order-%s.tmp", names[i]);
    unlink(name);
  }
  printf("per pair of new 2 KB files: write-sync-write-sync %.3f ms, write-write-sync-sync %.3f ms, "
         "syncs in two threads %.3f ms\n", interleaved / rounds, batched / rounds, parallel / rounds);
  return 0;
}
