/*
 * \brief  test-adversary: a component that attacks what it was not given
 *
 * Each attack is one counted attempt whose expected failure is checked:
 * guessed and closed capabilities, a capability used as another interface,
 * descriptors it does not hold, a forged reply, a forged label, a session
 * without a route, quota it does not have, a capability passed off as a
 * signal context at core, a flood of calls, and requests that used to
 * stall init (routes.c). The main
 * instance ends with "adversary: N attempts, M refused" and exits 0 only
 * if every attempt failed as expected.
 *
 * The forbidden system calls end the process (SIGSYS), so each runs in an
 * instance of its own, selected by <config attempt="..."/>; init reports
 * the death and the run script counts it. This file is Linux's (raw
 * sends, descriptors, system calls); the attacks on routing and threads
 * name no kernel and live in os/test/adversary/.
 */

#define _GNU_SOURCE
#include <base/config_root.h>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <netinet/in.h>
#include <unistd.h>

#include <base/component.h>
#include <base/ipc.h>
#include <base/log.h>
#include <hello_session/connection.h>
#include <log_session/client.h>
#include <ram_session/connection.h>
#include <signal_session/connection.h>
#include <util/format.h>
#include <util/string.h>

#include "../../../os/test/adversary/adversary.h"

enum {
	FD_GUESS_MAX = 1024, /* the selectors a guess can name */
	FLOOD_CALLS = 10000, /* enough to starve a server that serves unfairly */
	FOREIGN_SEL = 1000,  /* a selector this component does not hold */
	ATTEMPT_NAME_MAX = 32,
};

static unsigned attempts, refused;

void
attempt(const char *what, bool ok, const char *detail)
{
	attempts++;
	if (ok)
		refused++;
	if (ok)
		log_print("refused: %s (%s)", what, detail);
	else
		log_error("NOT refused: %s (%s)", what, detail);
}

static bool
fd_held(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0;
}

/*
 * Call add(1, 2) on every selector 0..1023. Only our own Hello session may
 * answer; a selector we do not hold must fail in the transport, and every
 * other descriptor we hold (pipes, other sessions, reply channels) must
 * reject the call. Our reply channels get a stray connect this way, so
 * the thread's channels are dropped afterwards and reopened on demand.
 */
static void
attempt_fd_guess(hello_session_cap_t own)
{
	unsigned reached = 0, not_held_ok = 0, not_held = 0;
	for (int fd = 0; fd < FD_GUESS_MAX; fd++) {
		bool held = fd_held(fd);
		int32_t sum = 0;
		status_t s = hello_session_add(CAP_TYPED(hello_session_cap_t, ((cap_t){fd})), 1, 2,
		                               &sum);
		if (s == STATUS_OK && fd != cap_raw(own).sel)
			reached++;
		not_held += !held;
		if (!held && s == STATUS_INVALID_CAP)
			not_held_ok++;
	}
	ipc_thread_exit();
	char detail[96];
	format_string(detail, sizeof(detail),
	              "%u of %u unheld selectors invalid, %u foreign objects reached", not_held_ok,
	              not_held, reached);
	attempt("invoking guessed selectors 0..1023", reached == 0 && not_held_ok == not_held,
	        detail);
}

static void
attempt_closed_cap(hello_session_cap_t own)
{
	cap_t copy;
	status_t s = cap_dup(cap_raw(own), &copy);
	if (s != STATUS_OK) {
		attempt("invoking a closed capability", false, "cap_dup failed");
		return;
	}
	int32_t sum = 0;
	(void)hello_session_add(CAP_TYPED(hello_session_cap_t, copy), 1, 2, &sum);
	cap_close(copy);
	s = hello_session_add(CAP_TYPED(hello_session_cap_t, copy), 1, 2, &sum);
	attempt("invoking a closed capability", s == STATUS_INVALID_CAP, status_name(s));
}

/* a call of interface iface built by hand, sent to dst through ipc_call */
static void
attempt_wrong_iface(const char *what, cap_t dst, struct rpc_msg *msg)
{
	status_t s = ipc_call(dst, msg);
	if (s == STATUS_OK)
		rpc_msg_close_caps(msg);
	attempt(what, s != STATUS_OK, status_name(s));
}

static void
attempts_wrong_iface(struct env *env, hello_session_cap_t own)
{
	struct rpc_msg msg;
	log_session_write_encode_call(&msg, "written through a RAM capability");
	attempt_wrong_iface("LOG write on the RAM capability", cap_raw(env_ram(env)), &msg);
	ram_session_alloc_encode_call(&msg, 4096);
	attempt_wrong_iface("RAM alloc on the Hello capability", cap_raw(own), &msg);
	hello_session_add_encode_call(&msg, 1, 2);
	attempt_wrong_iface("Hello add on the parent capability", cap_raw(env_parent(env)), &msg);
	/* the right interface id with an opcode it does not have */
	rpc_msg_start(&msg, RPC_KIND_CALL, HELLO_SESSION_RPC_ID, 77);
	attempt_wrong_iface("unknown Hello opcode", cap_raw(own), &msg);
}

/* capability arguments we do not hold: nothing may be sent */
static void
attempts_foreign_fd(struct env *env)
{
	dataspace_cap_t ds = CAP_TYPED(dataspace_cap_t, ((cap_t){FOREIGN_SEL}));
	status_t s = ram_session_free(env_ram(env), ds);
	attempt("passing a descriptor we do not hold (RAM free)", s == STATUS_INVALID_ARGS,
	        status_name(s));
	ram_session_cap_t to = CAP_TYPED(ram_session_cap_t, ((cap_t){FOREIGN_SEL}));
	s = ram_session_transfer_quota(env_ram(env), to, 4096);
	attempt("passing a descriptor we do not hold (transfer_quota)", s == STATUS_INVALID_ARGS,
	        status_name(s));
}

/*
 * Write a well-formed reply (sum 666, status OK) onto the object socket of
 * our Hello session. Replies travel only on the caller's private channel,
 * so the entrypoint must drop it: the next real call answers 3.
 */
static void
attempt_forged_reply(hello_session_cap_t own)
{
	struct rpc_msg msg;
	int32_t forged = 666;
	rpc_msg_start(&msg, RPC_KIND_REPLY, HELLO_SESSION_RPC_ID, HELLO_SESSION_OP_ADD);
	rpc_put_bytes(&msg, &forged, sizeof(forged));
	ssize_t n = send((int)cap_raw(own).sel, &msg, RPC_HEADER_SIZE + msg.hdr.length,
	                 MSG_DONTWAIT | MSG_NOSIGNAL);
	int32_t sum = 0;
	status_t s = hello_session_add(own, 1, 2, &sum);
	char detail[80];
	format_string(detail, sizeof(detail), "sent %d bytes, next call: %s, sum %d", (int)n,
	              status_name(s), (int)sum);
	attempt("answering a call by writing to the object socket", s == STATUS_OK && sum == 3,
	        detail);
}

static void
attempt_no_route(struct env *env)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(env_parent(env), "Timer", "ram_quota=8K", &raw);
	if (s == STATUS_OK)
		cap_close(raw);
	attempt("opening a session without a route", s == STATUS_DENIED, status_name(s));
}

/* core must not take another capability for one of its signal contexts */
static void
attempt_fake_context(struct env *env, hello_session_cap_t own)
{
	signal_session_cap_t sig;
	status_t s = signal_connection_open(env_parent(env), 4096, &sig);
	if (s == STATUS_OK) {
		s = signal_session_free_context(sig, CAP_TYPED(signal_context_cap_t, cap_raw(own)));
		parent_close(env_parent(env), cap_raw(sig));
		cap_close(cap_raw(sig));
	}
	attempt("freeing the Hello capability as a signal context at core",
	        s == STATUS_INVALID_ARGS, status_name(s));
}

static void
attempts_quota(struct env *env)
{
	ram_session_cap_t ram = env_ram(env);
	uint64_t avail = ram_session_avail(ram);
	dataspace_cap_t ds;
	status_t s = ram_session_alloc(ram, avail + (1u << 20), &ds);
	if (s == STATUS_OK)
		cap_close(cap_raw(ds));
	attempt("allocating past the quota", s == STATUS_QUOTA_EXCEEDED, status_name(s));

	/* a second RAM session of our own, linked to ours, to move quota to */
	ram_session_cap_t other;
	s = ram_connection_open(env_parent(env), &other);
	if (s == STATUS_OK)
		s = ram_session_ref_account(other, ram);
	if (s != STATUS_OK) {
		attempt("transferring more quota than we have", false, status_name(s));
		return;
	}
	avail = ram_session_avail(ram);
	s = ram_session_transfer_quota(ram, other, avail + (1u << 20));
	attempt("transferring more quota than we have", s == STATUS_QUOTA_EXCEEDED, status_name(s));
	parent_close(env_parent(env), cap_raw(other));
	cap_close(cap_raw(other));
}

/*
 * Forge the label of the well-behaved client. init prefixes our own name,
 * so the server greets "test-adversary -> init -> hello-client"; the run
 * script checks the server's line.
 */
static status_t
open_forged(struct env *env, hello_session_cap_t *hello)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(env_parent(env), "Hello",
	                            "ram_quota=4K, label=\"init -> hello-client\"", &raw);
	*hello = CAP_TYPED(hello_session_cap_t, raw);
	if (s == STATUS_OK)
		s = hello_session_say_hello(*hello);
	return s;
}

/* a flood must be served (no crash) without starving the other client */
static void
attempt_flood(hello_session_cap_t own)
{
	unsigned wrong = 0;
	status_t s = STATUS_OK;
	for (int i = 0; i < FLOOD_CALLS && s == STATUS_OK; i++) {
		int32_t sum = 0;
		s = hello_session_add(own, i, 1, &sum);
		wrong += sum != i + 1;
	}
	char detail[64];
	format_string(detail, sizeof(detail), "%d calls: %s, %u wrong", FLOOD_CALLS, status_name(s),
	              wrong);
	attempt("flooding the server to take it down", s == STATUS_OK && wrong == 0, detail);
}

/* each of these must end the process with SIGSYS before it returns */
static bool
forbidden(const char *name)
{
	static char *const argv[] = {"/bin/sh", 0};
	long r;
	if (str_equal(name, "open_passwd"))
		r = open("/etc/passwd", O_RDONLY | O_CLOEXEC);
	else if (str_equal(name, "socket_inet"))
		r = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	else if (str_equal(name, "ptrace"))
		r = ptrace(PTRACE_TRACEME, 0, 0, 0);
	else if (str_equal(name, "execve"))
		r = execve(argv[0], argv, 0);
	else if (str_equal(name, "fork"))
		r = fork();
	else if (str_equal(name, "eventfd2"))
		r = eventfd(0, EFD_CLOEXEC); /* a signal context of our own, behind core */
	else
		return false;
	if (r == 0 && str_equal(name, "fork"))
		_exit(0);
	log_error("forbidden call %s returned %ld: the sandbox let it through", name, r);
	return true;
}

static void
config_attempt(struct env *env, char *name, size_t size)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);

	name[0] = 0;
	if (root)
		(void)node_attribute_string(root, "attempt", name, size, "", &cfg.err);
}

void
component_construct(struct env *env)
{
	char name[ATTEMPT_NAME_MAX];
	config_attempt(env, name, sizeof(name));
	if (route_role(env, name))
		return;
	if (name[0]) {
		log_print("attempt: %s", name);
		if (!forbidden(name))
			log_error("unknown attempt \"%s\"", name);
		env_exit(env, 1);
	}

	hello_session_cap_t hello;
	status_t s = open_forged(env, &hello);
	attempt("forging the label of another client", s == STATUS_OK,
	        "server sees our name in front");
	if (s != STATUS_OK) {
		log_error("no Hello session: %s", status_name(s));
		env_exit(env, 1);
	}
	attempt_fd_guess(hello);
	attempt_closed_cap(hello);
	attempts_wrong_iface(env, hello);
	attempts_foreign_fd(env);
	attempt_forged_reply(hello);
	attempt_no_route(env);
	attempts_quota(env);
	attempt_fake_context(env, hello);
	attempt_flood(hello);
	attempts_routes(env);

	log_print("adversary: %u attempts, %u refused", attempts, refused);
	env_exit(env, refused == attempts ? 0 : 1);
}
