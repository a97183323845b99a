TARGET := test-session_loop
SRC_C  := main.c cycle.c
LIBS   := test_expect component config_root xml
