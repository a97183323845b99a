/*
 * \brief  launchpad's model: launchers, their quota, the children running
 *
 * Pure data and arithmetic, no IPC: the component (demo/launchpad) and the
 * parent part (demo/lib/launchpad) change it, the layout (layout.h) shows
 * it, the unit test (tests/unit/launchpad) checks it. Quotas are bytes.
 *
 * A launcher's quota is what its slider says, at most quota_max (what
 * launchpad could give before its first child). A start gives the
 * launcher's quota clamped to what launchpad has left now (avail); a
 * child's end gives what it got back.
 */

#ifndef _DEMO__LAUNCHPAD__MODEL__MODEL_H_
#define _DEMO__LAUNCHPAD__MODEL__MODEL_H_

#include <stdbool.h>
#include <stdint.h>

/* a child's name, as init's (INIT_CONFIG_NAME_MAX characters) */
enum { LAUNCHPAD_NAME_MAX = 64 };

struct launchpad_launcher {
	char name[LAUNCHPAD_NAME_MAX]; /* the binary and the child's name */
	uint64_t quota;                /* the slider: what the next start asks for */
	bool running;
	uint64_t granted; /* running: what the child got */
};

struct launchpad_model {
	struct launchpad_launcher *launchers; /* BORROWED: count of them, the caller's */
	unsigned count;
	uint64_t avail;     /* what launchpad can give a child now */
	uint64_t quota_max; /* the sliders' range */
};

/*
 * Over launchers (their names and quotas set), with avail what launchpad
 * can give before any child: that is also the sliders' range, and every
 * quota is clamped to it.
 */
void launchpad_model_init(struct launchpad_model *m, struct launchpad_launcher *launchers,
                          unsigned count, uint64_t avail);

/* set launcher i's quota, clamped to quota_max; returns what was set */
uint64_t launchpad_model_quota_set(struct launchpad_model *m, unsigned i, uint64_t quota);

enum launchpad_start_check {
	LAUNCHPAD_START_OK,
	LAUNCHPAD_START_RUNNING,  /* one instance per launcher */
	LAUNCHPAD_START_NO_QUOTA, /* its quota or launchpad's avail is zero */
	LAUNCHPAD_START_INVALID,  /* no such launcher */
};

/* whether launcher i may start now; *grant: what it would get */
enum launchpad_start_check launchpad_model_start_check(const struct launchpad_model *m, unsigned i,
                                                       uint64_t *grant);

/* launcher i's child started with granted bytes */
void launchpad_model_started(struct launchpad_model *m, unsigned i, uint64_t granted);

/* launcher i's child is gone: returns what it had, which is avail again */
uint64_t launchpad_model_ended(struct launchpad_model *m, unsigned i);

/* the real figure (quotas come back asynchronously; the component measures) */
void launchpad_model_avail_set(struct launchpad_model *m, uint64_t avail);

/* how many children run */
unsigned launchpad_model_running_count(const struct launchpad_model *m);

/* the launcher of the slot-th running child (launcher order), or count if none */
unsigned launchpad_model_running_at(const struct launchpad_model *m, unsigned slot);

/* the launcher named name, or count if none */
unsigned launchpad_model_find(const struct launchpad_model *m, const char *name);

#endif /* _DEMO__LAUNCHPAD__MODEL__MODEL_H_ */
