TARGET := test-many_sessions
SRC_C  := main.c
LIBS   := test_expect component config_root xml
