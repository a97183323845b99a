UNIT_TEST := test-launchpad_model
SRC_C     := model.c layout.c main.c
LIBS      := launchpad_model harness
