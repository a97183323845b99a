# GNU Mach: capabilities are send rights, objects receive rights in the
# entrypoint's port set (doc/platform-mach.md, "RPC and entrypoints")
LIB   := ipc
SRC_C := cap.c wire.c wire_destroy.c client.c entrypoint.c ep_objects.c ep_serve.c reply.c \
         async.c watch.c
LIBS  := rpc util
