/*
 * \brief  A root component's sessions: create, find, upgrade, close
 *
 * The session object is allocated only after the donation covered it, so
 * a client without quota cannot make the server keep anything; the tree
 * is keyed by the capability's identity, so finding a session costs one
 * platform call however many sessions there are.
 */

#include <base/log.h>
#include <base/rpc_server.h>
#include <root/component.h>
#include <root/session_args.h>
#include <util/string.h>

static struct root_session *
session_of(struct cap_index_entry *e)
{
	return e ? CAP_INDEX_ENTRY(e, struct root_session, entry) : 0;
}

void
root_component_init(struct root_component *root, const char *service, size_t object_size,
                    const struct root_component_ops *ops, void *ctx, struct heap *heap)
{
	*root = (struct root_component){.service = service,
	                                .object_size = object_size,
	                                .ops = ops,
	                                .ctx = ctx,
	                                .heap = heap};
	cap_index_init(&root->sessions);
}

size_t
root_component_session_cost(const struct root_component *root)
{
	/* the entrypoint keeps the object's caller lines for the client too */
	return heap_block_cost(root->object_size) + root->session_extra +
	       RPC_OBJECT_CALLERS_DEFAULT * RPC_OBJECT_CALLER_COST;
}

/* Genode's Single_client: one session at a time, the open one undisturbed */
static bool
policy_admits(struct root_component *root, const char *label)
{
	if (!root->single_client || root_component_count(root) == 0)
		return true;
	root->denials++;
	struct root_session *open = root_component_first(root);
	log_warning("%s: single client: denied a session to \"%s\" while the session of \"%s\" "
	            "is open",
	            root->service, label, open->label);
	return false;
}

static status_t
session_setup(struct root_component *root, struct root_session *s, const struct arg_string *args,
              const char *label, uint64_t quota)
{
	s->cap = cap_invalid();
	s->root = root;
	s->quota = quota;
	s->used = root_component_session_cost(root);
	str_copy(s->label, label, sizeof(s->label));
	status_t st = root->ops->create(root->ctx, s, args);
	if (st != STATUS_OK)
		return st;
	st = cap_index_insert(&root->sessions, &s->entry, s->cap);
	if (st != STATUS_OK) {
		log_error("%s session for \"%s\": the new session has no valid capability",
		          root->service, label);
		root->ops->destroy(root->ctx, s);
		cap_close(s->cap);
	}
	return st;
}

status_t
root_component_create(struct root_component *root, const struct arg_string *args, const char *label,
                      cap_t *session)
{
	uint64_t quota = 0;
	status_t st = session_quota_check(root->service, args, label,
	                                  heap_block_cost(root->object_size) + root->session_extra);
	if (st != STATUS_OK)
		return st;
	if (!policy_admits(root, label))
		return STATUS_DENIED;
	(void)arg_string_get_size(args, "ram_quota", 0, &quota);

	void *mem = 0;
	st = heap_alloc(root->heap, root->object_size, &mem);
	if (st != STATUS_OK) {
		log_error("%s session for \"%s\": server out of memory for %lu bytes",
		          root->service, label, (unsigned long)root->object_size);
		return st;
	}
	mem_set(mem, 0, root->object_size);
	struct root_session *s = mem;
	st = session_setup(root, s, args, label, quota);
	if (st != STATUS_OK) {
		(void)heap_free(root->heap, mem);
		return st;
	}
	*session = s->cap;
	return STATUS_OK;
}

struct root_session *
root_component_lookup(const struct root_component *root, cap_t cap)
{
	return session_of(cap_index_lookup(&root->sessions, cap));
}

struct root_session *
root_component_find(const struct root_component *root, const struct cap_key *key)
{
	return session_of(cap_index_find(&root->sessions, key));
}

void
root_session_close(struct root_session *s)
{
	struct root_component *root = s->root;
	cap_index_remove(&root->sessions, &s->entry);
	root->ops->destroy(root->ctx, s);
	cap_close(s->cap);
	(void)heap_free(root->heap, s);
}

bool
root_component_close(struct root_component *root, cap_t cap)
{
	struct root_session *s = root_component_lookup(root, cap);
	if (s)
		root_session_close(s);
	return s != 0;
}

bool
root_component_upgrade(struct root_component *root, cap_t cap, uint64_t amount)
{
	struct root_session *s = root_component_lookup(root, cap);
	if (!s)
		return false;
	/* saturate: a quota beyond 2^64 bytes is no quota anyone could pay */
	s->quota = s->quota + amount < s->quota ? UINT64_MAX : s->quota + amount;
	if (root->ops->upgraded)
		root->ops->upgraded(root->ctx, s, amount);
	return true;
}

void
root_component_close_all(struct root_component *root)
{
	struct root_session *s;
	while ((s = root_component_first(root)) != 0)
		root_session_close(s);
}

struct root_session *
root_component_first(const struct root_component *root)
{
	return session_of(cap_index_first(&root->sessions));
}

struct root_session *
root_session_next(const struct root_session *s)
{
	return session_of(cap_index_next(&s->entry));
}
