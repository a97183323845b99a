UNIT_TEST := test-testnit-ui
SRC_C     := main.c ../../../demo/testnit/ui.c
LIBS      := gui_window harness
