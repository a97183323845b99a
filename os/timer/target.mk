LIB   := timer_service
SRC_C := schedule.c service.c session.c
LIBS  := timer_platform signal avl rpc util
