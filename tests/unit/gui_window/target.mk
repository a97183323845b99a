UNIT_TEST := test-gui-window
SRC_C     := main.c
LIBS      := gui_window harness
