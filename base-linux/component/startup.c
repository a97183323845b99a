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
write_all(const char *s, size_t len)
{
	while (len) {
		ssize_t n = write(STDOUT_FILENO, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

void
log_output_line(const char *line, size_t len)
{
	char buf[LOG_LINE_MAX + 1];
	size_t n = len < LOG_LINE_MAX ? len : LOG_LINE_MAX;
	for (size_t i = 0; i < n; i++)
		buf[i] = line[i];
	buf[n] = '\n';
	write_all(buf, n + 1); /* one write: lines of threads never interleave */
}

enum { RELAY_FD = 3 };

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
	if (write(RELAY_FD, buf, n) < 0) {
		/* no parent listens (started by hand): the line has nowhere to go */
	}
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
	map_config(&the_env);
	signal(SIGPIPE, SIG_IGN); /* a vanished reader must not kill us */
	component_construct(&the_env);
	process_serve(NULL, NULL); /* lives on until env_exit or a signal */
	return 0;
}
