/*
 * \brief  Unit test cases of ipc_call_async (async.c)
 */

#ifndef _TESTS__UNIT__IPC__ASYNC_H_
#define _TESTS__UNIT__IPC__ASYNC_H_

void async_reply(void);
void async_stopped_then_killed(void);
void async_cancel(void);
void async_channel_reused(void);
void async_selector_reused(void);
void async_idle_server_gone(void);

#endif /* _TESTS__UNIT__IPC__ASYNC_H_ */
