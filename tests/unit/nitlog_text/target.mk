UNIT_TEST := test-nitlog-text
SRC_C     := main.c ../../../demo/nitlog/text.c
LIBS      := util harness
