TARGET := test-rm_nested
SRC_C  := main.c
LIBS   := component local_rm test_expect test_config_tag
