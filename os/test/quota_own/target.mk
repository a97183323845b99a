TARGET := test-quota_own
SRC_C  := main.c hog.c barrier.c sibling.c
LIBS   := component config_root xml signal ipc
