# a fake Nitpicker that clicks launchpad's window (test code, doc/gui.md)
TARGET := test-launchpad_clicker
SRC_C  := main.c session.c script.c
LIBS   := launchpad_model gfx root_component component xml node signal
