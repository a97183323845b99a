BENCH := bench-timer
SRC_C := main.c
LIBS  := timer_client timer_service signal ipc
