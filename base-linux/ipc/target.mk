LIB   := ipc
SRC_C := cap.c sock_msg.c chan_cache.c client.c ep_slots.c entrypoint.c ep_serve.c ep_watch.c reply.c async.c async_pool.c slot_client.c ep_slot_serve.c ep_bell.c sealed_page.c
LIBS  := rpc util lx_syscall
