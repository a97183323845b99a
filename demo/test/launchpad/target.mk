# launchpad's parent part driven by a script instead of a window (test code)
TARGET := test-launchpad
SRC_C  := main.c
LIBS   := launchpad_parent
