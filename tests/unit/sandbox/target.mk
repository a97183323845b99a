UNIT_TEST := test-sandbox
SRC_C     := main.c child.c enter.c allowed.c threads.c forbidden.c exec.c host.c layout.c arch_$(ARCH).c
LIBS      := sandbox util harness
