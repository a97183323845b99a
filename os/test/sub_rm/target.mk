TARGET := test-sub_rm
SRC_C  := main.c malformed.c
LIBS   := component local_rm test_expect signal
