/*
 * \brief  bomb: a node of the tree, and the master's rounds (see bomb.h)
 */

#include <base/component.h>
#include <base/log.h>
#include <base/signal.h>
#include <ram_session/connection.h>
#include <timer_session/connection.h>
#include <util/format.h>

#include "../../init/child.h"
#include "bomb.h"

/* what init's child machinery expects its user to define (child.h) */
struct init_config config;
struct env *init_env;

/*
 * What a node keeps for itself: init's reserve (child_ram.c keeps 512K
 * back), the RAM sessions of its children and its own sessions.
 */
enum { BOMB_RESERVE = 1024 * 1024 };

static struct bomb_params params;
static unsigned running;
static bool killing;
static unsigned round_no;
static uint64_t avail_before; /* the master's RAM avail before its first round */
static timer_session_cap_t timer;

static void
construct_children(void)
{
	unsigned long long gen = (unsigned long long)params.generations;
	uint64_t avail = ram_session_avail(env_ram(init_env));
	uint64_t keep = params.demand > BOMB_RESERVE ? params.demand : BOMB_RESERVE;
	keep += params.children * bomb_child_keep_cost();
	uint64_t amount = avail > keep ? (avail - keep) / params.children : 0;
	/*
	 * Genode's rule: a child must be able to feed children of its own,
	 * which bounds a tree without 'generations' (Genode's configs before
	 * 2015) by memory alone; and it must be able to run at all: pay for
	 * its environment and have 'demand' left
	 */
	if (amount / params.children < params.demand ||
	    amount < bomb_child_env_cost() + params.demand) {
		if (params.has_generations)
			log_print("I'm a leaf node - generation %llu - not enough memory.", gen);
		else
			log_print("I'm a leaf node - not enough memory.");
		return;
	}
	if (params.has_generations && params.generations == 0) {
		log_print("I'm a leaf node - generation 0");
		return;
	}
	char gen_text[24] = "-";
	if (params.has_generations)
		format_string(gen_text, sizeof(gen_text), "%llu", gen);
	if (bomb_tree_config(&params, (unsigned)params.children, amount) != STATUS_OK)
		return;
	for (unsigned i = 0; i < config.child_count; i++)
		running += bomb_child_start(i);
	log_print("generation %s: %u children of %llu bytes each", gen_text, running,
	          (unsigned long long)amount);
}

/* every child of the round_no is gone with its subtree: check, then the next round_no */
static void
round_done(void)
{
	bomb_tree_release(); /* before the measurement: the round's model is its cost */
	uint64_t avail = child_meta_avail(); /* the heap's spare counted, see child.h */
	killing = false;
	if (avail != avail_before)
		log_error("[%02u] RAM avail %llu after the round, %llu before the first", round_no,
		          (unsigned long long)avail, (unsigned long long)avail_before);
	log_print("[%02u] Done.", round_no);
	if (++round_no == params.rounds) {
		log_print("Done. Going to sleep.");
		return;
	}
	construct_children();
	(void)timer_session_trigger_once(timer, params.sleep_ms * 1000);
}

/*
 * The round is over when every child is gone and the closes of their
 * sessions, which the child machinery does not wait for, are answered:
 * only then is all of their RAM back, and their table entries free.
 */
static void
round_check(void)
{
	if (killing && running == 0 && !child_calls_in_flight())
		round_done();
}

static void
timeout(void *arg, unsigned num)
{
	(void)arg;
	(void)num;
	log_print("[%02u] It's time to kill all children...", round_no);
	killing = true;
	for (unsigned i = 0; i < config.child_count; i++)
		bomb_child_kill(i);
	round_check();
}

void
bomb_child_gone(unsigned i, bool reported, int value, const struct exit_fault *f)
{
	char why[EXIT_FAULT_TEXT_MAX];
	const char *name = config.children[i].name;
	running--;
	if (reported)
		log_error("child \"%s\" exited with exit value %d", name, value);
	else if (f->reason == EXIT_REASON_EXITED)
		log_error("child \"%s\" exited without an exit value", name);
	else if (!killing) {
		exit_fault_describe(f, why, sizeof(why));
		log_error("child \"%s\" died: %s", name, why);
	}
	round_check();
}

/* only the master has a Timer: it kills and restarts, the others just build */
static void
master_start(struct env *env)
{
	struct signal_context *ctx;
	status_t s = timer_connection_open(env_parent(env), &timer);
	if (s == STATUS_OK)
		s = signal_handler_create(env_ep(env), timeout, 0, &ctx);
	if (s == STATUS_OK)
		s = timer_session_sigh(timer, signal_context_cap(ctx));
	if (s == STATUS_OK)
		s = timer_session_trigger_once(timer, params.sleep_ms * 1000);
	if (s != STATUS_OK) {
		log_error("master without a timer: %s", status_name(s));
		env_exit(env, 1);
	}
}

void
component_construct(struct env *env)
{
	init_env = env;
	child_calls_done = round_check;
	if (!bomb_params_read(env, &params))
		env_exit(env, 1);
	if (params.rounds) {
		char gens[24] = "none (memory only)";
		if (params.has_generations)
			format_string(gens, sizeof(gens), "%llu",
			              (unsigned long long)params.generations);
		log_print("--- bomb started --- rounds %llu, generations %s, children %llu, "
		          "sleep %llu ms, demand %llu",
		          (unsigned long long)params.rounds, gens,
		          (unsigned long long)params.children, (unsigned long long)params.sleep_ms,
		          (unsigned long long)params.demand);
		master_start(env);
		child_meta_prepare();
		/* the run script compares this line with core's figures: without the heap's spare
		 */
		log_print("RAM avail %llu before the first round",
		          (unsigned long long)ram_session_avail(env_ram(env)));
		avail_before = child_meta_avail();
	}
	construct_children();
}

/* every node is a parent (until core creates every process) */
const bool component_creates_processes = true;
