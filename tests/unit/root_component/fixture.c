/*
 * \brief  A stand-in service for the root-component test
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <base/log.h>

#include "fixture.h"

static char last_line[512];

void
log_output_line(const char *line, size_t len)
{
	fprintf(stderr, "%.*s\n", (int)len, line);
	if (len >= sizeof(last_line))
		len = sizeof(last_line) - 1;
	memcpy(last_line, line, len);
	last_line[len] = 0;
}

const char *
fixture_last_line(void)
{
	return last_line;
}

cap_t
fixture_socket(void)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
		return cap_invalid();
	close(sv[1]);
	return (cap_t){sv[0]};
}

static status_t
test_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)args;
	struct fixture *f = ctx;
	struct test_session *s = ROOT_SESSION_ENTRY(base, struct test_session, base);
	if (f->refuse != STATUS_OK)
		return f->refuse;
	s->serial = ++f->creates;
	base->cap = fixture_socket();
	return cap_valid(base->cap) ? STATUS_OK : STATUS_OUT_OF_MEMORY;
}

static void
test_destroy(void *ctx, struct root_session *base)
{
	(void)base;
	((struct fixture *)ctx)->destroys++;
}

static const struct root_component_ops test_ops = {.create = test_create, .destroy = test_destroy};

static status_t
chunk_alloc(void *ctx, size_t size, void **addr)
{
	(void)ctx;
	*addr = aligned_alloc(HEAP_ALIGN, (size + HEAP_ALIGN - 1) / HEAP_ALIGN * HEAP_ALIGN);
	return *addr ? STATUS_OK : STATUS_OUT_OF_MEMORY;
}

static void
chunk_free(void *ctx, void *addr, size_t size)
{
	(void)ctx;
	(void)size;
	free(addr);
}

void
fixture_init(struct fixture *f, bool single_client)
{
	const struct heap_backing backing = {.alloc_chunk = chunk_alloc, .free_chunk = chunk_free};
	memset(f, 0, sizeof(*f));
	(void)heap_init(&f->heap, &backing);
	root_component_init(&f->root, "Test", sizeof(struct test_session), &test_ops, f, &f->heap);
	f->root.single_client = single_client;
}

void
fixture_fini(struct fixture *f)
{
	root_component_close_all(&f->root);
	heap_destroy(&f->heap);
}

status_t
fixture_create(struct fixture *f, unsigned long long quota, const char *label, cap_t *cap)
{
	char args[200];
	snprintf(args, sizeof(args), "ram_quota=%llu, label=\"%s\"", quota, label);
	return root_component_request(&f->root, args, cap);
}
