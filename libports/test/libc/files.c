/*
 * \brief  test-libc: time and read-only files from ROM modules
 */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "test_libc.h"

static long long
now_ms(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return -1;
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
test_time(void)
{
	long long t0 = now_ms();
	CHECK(t0 >= 0, "clock_gettime: errno %d", errno);
	struct timespec req = {.tv_sec = 0, .tv_nsec = 200 * 1000000};
	CHECK(nanosleep(&req, NULL) == 0, "nanosleep: errno %d", errno);
	long long slept = now_ms() - t0;
	/*
	 * at least what was asked; at most 10 s: a loaded 2-core machine may
	 * delay the wake-up, never by that much (doc/timing.md)
	 */
	CHECK(slept >= 200 && slept < 10000, "nanosleep(200 ms) took %lld ms", slept);
	CHECK(usleep(10000) == 0, "usleep");
	CHECK(time(NULL) >= 0, "time");
	printf("time: slept 200 ms, measured %s\n",
	       slept < 1000 ? "under a second" : "over a second");
	return 0;
}

int
test_files(void)
{
	FILE *f = fopen("/greeting.txt", "r");
	CHECK(f, "fopen /greeting.txt: errno %d", errno);
	char line[64] = {0};
	CHECK(fgets(line, sizeof(line), f), "fgets");
	CHECK(strcmp(line, "Hello from a ROM module\n") == 0, "content \"%s\"", line);
	CHECK(fseek(f, 6, SEEK_SET) == 0 && fgetc(f) == 'f', "fseek/fgetc");
	fclose(f);

	struct stat st;
	CHECK(stat("/etc/numbers", &st) == 0 && st.st_size == 10, "stat /etc/numbers");
	int fd = open("/etc/numbers", O_RDONLY);
	CHECK(fd >= 0, "open /etc/numbers");
	char buf[16];
	CHECK(lseek(fd, -3, SEEK_END) == 7 && read(fd, buf, sizeof(buf)) == 3 &&
	              memcmp(buf, "789", 3) == 0,
	      "lseek from the end and read");
	int copy = dup(fd);
	CHECK(copy > fd && close(fd) == 0 && lseek(copy, 0, SEEK_SET) == 0, "dup outlives close");
	CHECK(read(copy, buf, 2) == 2 && memcmp(buf, "01", 2) == 0, "read through the dup");
	CHECK(write(copy, "x", 1) < 0 && errno == EBADF, "write to a read-only file: EBADF");
	close(copy);

	CHECK(open("/missing", O_RDONLY) < 0 && errno == ENOENT, "a file not configured: ENOENT");
	CHECK(open("/greeting.txt", O_WRONLY) < 0 && errno == EROFS, "opening for writing: EROFS");
	CHECK(open("/new", O_CREAT | O_WRONLY, 0644) < 0 && errno == EROFS, "creating: EROFS");
	CHECK(read(77, buf, 1) < 0 && errno == EBADF, "a descriptor never opened: EBADF");
	char cwd[8];
	CHECK(getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/") == 0, "the working directory is /");
	printf("files: ok\n");
	return 0;
}
