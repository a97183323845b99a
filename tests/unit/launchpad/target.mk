UNIT_TEST := test-launchpad
SRC_C     := model.c layout.c main.c
LIBS      := launchpad_model harness
