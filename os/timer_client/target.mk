LIB   := timer_client
SRC_C := sleeper.c
LIBS  := timer_platform ipc rpc
