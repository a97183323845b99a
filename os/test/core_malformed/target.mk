TARGET := test-core_malformed
SRC_C  := main.c
LIBS   := component
