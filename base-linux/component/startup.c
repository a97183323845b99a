/*
 * \brief  Component start-up on Linux
 *
 * Interim runtime: until the RPC-based ROM and LOG sessions exist, the
 * parent hands the config ROM over as standard input (mapped read-only,
 * like a ROM dataspace) and takes log lines on standard output. Lines of
 * the component's own children go up on descriptor 3 as "chain<TAB>text";
 * each parent puts its child's name in front, so core prints the full
 * Genode label chain ("[init -> sub -> test] text").
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <base/component.h>
#include <base/log.h>
#include <base/process.h>

struct env {
	const char *config;
	size_t config_len;
};

static struct env the_env;

static void
write_all(int fd, const char *s, size_t len)
{
	while (len) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

enum { RELAY_FD = 3 };

/* whether a parent listens on RELAY_FD (not so when started by hand) */
static bool relay_ok;

/*
 * Own lines go on the relay descriptor with an empty chain, the same pipe
 * as the lines of our children, so the parent sees them in the order they
 * happened. Each line is one write, so lines of threads never interleave.
 */
void
log_output_line(const char *line, size_t len)
{
	char buf[LOG_LINE_MAX + 2];
	size_t n = len < LOG_LINE_MAX ? len : LOG_LINE_MAX;
	buf[0] = '\t';
	for (size_t i = 0; i < n; i++)
		buf[i + 1] = line[i];
	buf[n + 1] = '\n';
	if (relay_ok)
		write_all(RELAY_FD, buf, n + 2);
	else
		write_all(STDOUT_FILENO, buf + 1, n + 1);
}

void
process_relay_line(const char *chain, const char *text, size_t len)
{
	char buf[LOG_LINE_MAX + PROCESS_NAME_MAX * 4];
	size_t n = 0;
	for (; *chain && n < sizeof(buf) / 2; chain++)
		buf[n++] = *chain;
	buf[n++] = '\t';
	for (size_t i = 0; i < len && n < sizeof(buf) - 1; i++)
		buf[n++] = text[i];
	buf[n++] = '\n';
	if (relay_ok)
		write_all(RELAY_FD, buf, n);
}

status_t
env_config(struct env *env, const char **text, size_t *len)
{
	if (!env->config)
		return STATUS_NOT_FOUND;
	*text = env->config;
	*len = env->config_len;
	return STATUS_OK;
}

_Noreturn void
env_exit(struct env *env, int value)
{
	(void)env;
	_exit(value & 0xff);
}

/* a config that is not a regular file, or empty, counts as none */
static void
map_config(struct env *env)
{
	struct stat st;
	if (fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
		return;
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, STDIN_FILENO, 0);
	if (p == MAP_FAILED)
		return;
	env->config = p;
	env->config_len = (size_t)st.st_size;
}

int
main(void)
{
	relay_ok = fcntl(RELAY_FD, F_GETFD) >= 0;
	map_config(&the_env);
	signal(SIGPIPE, SIG_IGN); /* a vanished reader must not kill us */
	component_construct(&the_env);
	process_serve(NULL, NULL); /* lives on until env_exit or a signal */
	return 0;
}
