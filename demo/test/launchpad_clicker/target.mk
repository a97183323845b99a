# a fake Nitpicker that clicks launchpad's window (test code, doc/gui.md)
TARGET := test-launchpad_clicker
SRC_C  := main.c script.c
LIBS   := nit_stand_in launchpad_model gfx root_component component xml node signal
