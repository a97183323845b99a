TARGET := test-rm_fault
SRC_C  := main.c child.c roles.c
LIBS   := component local_rm test_expect test_config_tag
