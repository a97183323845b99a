TARGET := test-mach_ipc
SRC_C  := main.c console.c server.c raw.c checks_call.c checks_ep.c
LIBS   := ipc rpc util
