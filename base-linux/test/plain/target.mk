TARGET := test-plain
SRC_C  := main.c
