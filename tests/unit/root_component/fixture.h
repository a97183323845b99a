/*
 * \brief  A stand-in service for the root-component test
 *
 * Its sessions' capabilities are sockets of their own (one descriptor
 * each, the peer closed at once), which have the identity a real session
 * capability has on Linux without an entrypoint behind them. The heap is
 * over malloc, so the test sees every byte the library takes.
 */

#ifndef _TESTS__UNIT__ROOT_COMPONENT__FIXTURE_H_
#define _TESTS__UNIT__ROOT_COMPONENT__FIXTURE_H_

#include <root/component.h>

struct test_session {
	struct root_session base;
	unsigned serial; /* the how-many-th create made it */
	char payload[200];
};

struct fixture {
	struct heap heap;
	struct root_component root;
	unsigned creates, destroys;
	status_t refuse; /* the create hook's answer when not STATUS_OK */
};

void fixture_init(struct fixture *f, bool single_client);

/* close every session, drop the heap */
void fixture_fini(struct fixture *f);

/* a session request with ram_quota quota and label; *cap BORROWED from the root */
status_t fixture_create(struct fixture *f, unsigned long long quota, const char *label, cap_t *cap);

/* the last log line the library wrote */
const char *fixture_last_line(void);

/* a fresh socket, as a capability OWNED by the caller */
cap_t fixture_socket(void);

#endif /* _TESTS__UNIT__ROOT_COMPONENT__FIXTURE_H_ */
