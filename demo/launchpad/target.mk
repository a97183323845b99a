# launchpad: the interactive starter in a nitpicker window (doc/gui.md)
TARGET := launchpad
SRC_C  := main.c window.c draw.c
LIBS   := launchpad_parent gfx signal
