TARGET := test-upgrade
SRC_C  := main.c core_sessions.c hello.c
LIBS   := component test_expect xml
