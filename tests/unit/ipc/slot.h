/*
 * \brief  Cases of test-ipc for the shared call slots (doc/rpc.md)
 */

#ifndef _TESTS__UNIT__IPC__SLOT_H_
#define _TESTS__UNIT__IPC__SLOT_H_

void slot_calls_take_the_slot(void);
void slot_server_killed_during_call(void);
void slot_bell_serves_the_epoll(void);
void slot_hostile_client(void);
void slot_hostile_server(void);
void slot_caps_take_the_lane(void);
void slot_hostile_lane(void);

#endif /* _TESTS__UNIT__IPC__SLOT_H_ */
