TARGET := test-quota_exhausted
SRC_C  := main.c
LIBS   := component
