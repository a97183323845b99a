/*
 * \brief  The parent object init serves for each child
 */

#include <base/log.h>
#include <parent/client.h>
#include <parent/server.h>
#include <ram_session/connection.h>
#include <root/client.h>
#include <util/string.h>

#include "child.h"

const root_cap_t *
child_announced_root(unsigned child, const char *service)
{
	struct child_state *c = &children[child];
	if (!c->running)
		return 0;
	for (unsigned i = 0; i < c->announced_cap; i++)
		if (c->announced[i].used && str_equal(c->announced[i].service, service))
			return &c->announced[i].root;
	list_for_each(e, &c->announced_paid)
	{
		struct child_announced *a = list_entry(e, struct child_announced, elem);
		if (str_equal(a->service, service))
			return &a->root;
	}
	return 0;
}

/* 10.05+: only what <provides> declares; 10.02: a service only once */
static bool
announce_legal(const struct child_state *c, const char *service)
{
	if (config.syntax == INIT_CONFIG_SYNTAX_10_05)
		return init_config_child_provides(&config, c->index, service) &&
		       !child_announced_root(c->index, service);
	for (unsigned i = 0; i < config.child_count; i++)
		if (child_announced_root(i, service))
			return false;
	return true;
}

/*
 * Re-announce a child's service to init's parent (announce_to_parent).
 * The parent gets a copy of the child's root and calls the child
 * directly: init is no detour for the sessions. Only after the child got
 * its answer, since the parent may call the root right away.
 */
static void
announce_upward(const struct child_state *c, const char *service, root_cap_t root)
{
	if (!config.announce_to_parent)
		return;
	status_t s = parent_announce(env_parent(init_env), service, root);
	if (s != STATUS_OK)
		log_error("%s: re-announcing service \"%s\" to the parent failed: %s", c->cfg->name,
		          service, status_name(s));
}

/*
 * 10.02: a record for one more announcement of c, paid by c as the record
 * of a session is (child_meta.c), so that announcing cannot drain init's
 * own quota; NULL (logged) if c cannot pay or init's heap cannot back it
 */
static struct child_announced *
announced_paid_new(struct child_state *c, const char *service)
{
	uint64_t meta = child_meta_cost(sizeof(struct child_announced));
	void *mem = 0;
	if (!c->ram_open ||
	    ram_session_transfer_quota(c->ram, env_ram(init_env), meta) != STATUS_OK) {
		if (child_refusal_admit(c))
			log_error(
			        "%s: announcement of service \"%s\" denied: init's record of it "
			        "needs %llu bytes, available %llu",
			        c->cfg->name, service, (unsigned long long)meta,
			        (unsigned long long)(c->ram_open ? ram_session_avail(c->ram) : 0));
		return 0;
	}
	if (child_meta_new(c, sizeof(struct child_announced), &mem) != STATUS_OK) {
		child_ram_refund(c, meta);
		return 0;
	}
	struct child_announced *a = mem;
	mem_set(a, 0, sizeof(*a));
	list_insert_tail(&c->announced_paid, &a->elem);
	return a;
}

/* where c's announcement of a legal service goes: its <provides> row, or paid (10.02) */
static struct child_announced *
announced_slot(struct child_state *c, const char *service)
{
	for (unsigned i = 0; i < c->announced_cap; i++)
		if (!c->announced[i].used)
			return &c->announced[i];
	/* 10.05+: a legal service is one of announced_cap, never announced before */
	if (config.syntax == INIT_CONFIG_SYNTAX_10_05)
		return 0;
	return announced_paid_new(c, service);
}

void (*child_announce_done)(struct child_state *c, const char *service);

static status_t
child_parent_announce(void *ctx, struct rpc_call *call, const char *service, root_cap_t root)
{
	struct child_state *c = ctx;
	if (!announce_legal(c, service) || str_len(service) > INIT_CONFIG_NAME_MAX) {
		if (child_refusal_admit(c))
			log_error("%s: illegal announcement of service \"%s\"", c->cfg->name,
			          service);
		cap_close(cap_raw(root));
		return STATUS_DENIED;
	}
	struct child_announced *slot = announced_slot(c, service);
	if (!slot) {
		cap_close(cap_raw(root));
		return STATUS_QUOTA_EXCEEDED;
	}
	slot->used = true;
	str_copy(slot->service, service, sizeof(slot->service));
	slot->root = root;
	log_print("child \"%s\" announces service \"%s\"", c->cfg->name, service);
	/*
	 * The announcer waits for this reply before its entrypoint serves the
	 * root: answer first, then call the root for the waiting clients.
	 */
	struct rpc_reply_handle reply;
	if (rpc_reply_defer(call, &reply) == STATUS_OK)
		parent_announce_reply(&reply, STATUS_OK);
	announce_upward(c, service, root);
	session_route_retry();
	if (child_announce_done)
		child_announce_done(c, service);
	return STATUS_OK;
}

/* the environment RAM and CPU sessions are handed out, never opened (Genode's Child::session) */
static status_t
child_parent_session(void *ctx, struct rpc_call *call, const char *service, const char *args,
                     cap_t *session)
{
	struct child_state *c = ctx;
	if (str_equal(service, "Env::ram_session")) {
		if (!c->ram_open)
			return STATUS_UNAVAILABLE;
		*session = cap_raw(c->ram); /* BORROWED by the reply */
		return STATUS_OK;
	}
	if (str_equal(service, "Env::cpu_session")) {
		if (!cap_valid(cap_raw(c->cpu)))
			return STATUS_UNAVAILABLE;
		*session = cap_raw(c->cpu); /* BORROWED by the reply */
		return STATUS_OK;
	}
	return session_route(c, call, service, args, session);
}

/* one system call for the key of cap, none per record (a child holds many) */
static struct child_session *
session_find(struct child_state *c, cap_t cap)
{
	struct cap_key key;
	if (cap_key_get(cap, &key) != STATUS_OK)
		return 0;
	list_for_each(e, &c->sessions)
	{
		struct child_session *s = list_entry(e, struct child_session, elem);
		/* an orphan is an earlier instance's, an opening one has no cap yet */
		if (!s->orphan && s->busy != SESSION_OPENING && cap_key_compare(&s->key, &key) == 0)
			return s;
	}
	return 0;
}

/*
 * Close at the server that made it and move the donation back to the
 * client; CONSUMES the table entry's capability. At a child server the
 * close completes when the server answers (session_call_end.c).
 */
void
child_session_close(struct child_state *c, struct child_session *s)
{
	if (!session_env(s->service)) {
		session_call_close(s, 0);
		return;
	}
	parent_close(env_parent(init_env), s->cap);
	child_ram_refund(c, s->amount + s->meta);
	cap_close(s->cap);
	/* a record never kept (child_session_keep) is on no list */
	if (list_elem_linked(&s->elem)) {
		list_remove(&s->elem);
		child_meta_delete(s);
	}
}

static status_t
child_parent_upgrade(void *ctx, struct rpc_call *call, cap_t session, const char *args)
{
	struct child_state *c = ctx;
	struct child_session *s = session_find(c, session);
	cap_close(session);
	if (s)
		return child_session_upgrade(c, s, args, call);
	if (child_refusal_admit(c))
		log_error("%s: upgrade of a session it does not hold denied", c->cfg->name);
	return STATUS_NOT_FOUND;
}

static status_t
child_parent_close(void *ctx, struct rpc_call *call, cap_t session)
{
	struct child_session *s = session_find(ctx, session);
	struct rpc_reply_handle reply;
	cap_close(session);
	if (!s)
		return STATUS_NOT_FOUND;
	if (s->busy != SESSION_IDLE)
		return STATUS_DENIED; /* its upgrade is in flight: close after the answer */
	if (!session_env(s->service) && rpc_reply_defer(call, &reply) == STATUS_OK) {
		session_call_close(s, &reply); /* answered when the server has */
		return STATUS_OK;
	}
	child_session_close(ctx, s);
	return STATUS_OK;
}

static status_t
child_parent_exit(void *ctx, struct rpc_call *call, int32_t value)
{
	(void)call;
	struct child_state *c = ctx;
	c->exit_reported = true;
	c->exit_value = value;
	return STATUS_OK;
}

static const struct parent_ops child_parent_ops = {
        .announce = child_parent_announce,
        .session = child_parent_session,
        .upgrade = child_parent_upgrade,
        .close = child_parent_close,
        .exit = child_parent_exit,
};

bool
child_parent_create(struct child_state *c)
{
	c->refusals = (struct rate_limit){0};
	status_t s = parent_manage(env_ep(init_env), &c->parent_obj, &child_parent_ops, c,
	                           &c->parent_cap);
	if (s != STATUS_OK)
		log_error("child \"%s\": no parent object: %s", c->cfg->name, status_name(s));
	return s == STATUS_OK;
}

/* close the roots c announced; its paid records go, with their cost back to c */
static void
announced_forget(struct child_state *c)
{
	for (unsigned i = 0; i < c->announced_cap; i++)
		if (c->announced[i].used) {
			cap_close(cap_raw(c->announced[i].root));
			c->announced[i].used = false;
		}
	list_for_each_safe(e, &c->announced_paid)
	{
		struct child_announced *a = list_entry(e, struct child_announced, elem);
		cap_close(cap_raw(a->root));
		list_remove(&a->elem);
		child_ram_refund(c, child_meta_cost(sizeof(*a)));
		child_meta_delete(a);
	}
}

void
child_parent_destroy(struct child_state *c)
{
	log_limit_flush(&c->refusals, c->cfg->name);
	entrypoint_dissolve(env_ep(init_env), &c->parent_obj);
	cap_close(cap_raw(c->parent_cap));
	session_route_drop(c);
	/*
	 * The PD sessions first: they end the processes of c's subtree at
	 * core, before their RAM and other sessions vanish under them, which
	 * they would report as errors of their own while they still run
	 * (Genode's bomb: ~1,000 lines per round of kills)
	 */
	list_for_each_safe(e, &c->sessions)
	{
		struct child_session *s = list_entry(e, struct child_session, elem);
		if (!s->orphan && str_equal(s->service, "PD"))
			child_session_close(c, s);
	}
	list_for_each_safe(e, &c->sessions)
	{
		struct child_session *s = list_entry(e, struct child_session, elem);
		if (s->orphan)
			continue;
		if (!session_env(s->service))
			session_call_orphan(s); /* ends when its server answers */
		else
			child_session_close(c, s);
	}
	announced_forget(c);
	if (c->config_rom_open)
		rom_session_object_destroy(&c->config_rom, env_ep(init_env));
	c->config_rom_open = false;
	child_ram_destroy(c);
}
